package dev.aisecurity.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tiny sequence-classification model in the ONNX format (protobuf, encoded by
 * hand) so the tests need no download: {@code logits = [-s, s]} with
 * {@code s = 10 * max(input_ids == trigger and attention_mask) - 5}, per row. Labels
 * {@code SAFE, INJECTION}: a text is an injection exactly when it contains the trigger
 * token.
 */
final class TinyOnnxModel {

	private static final int FLOAT = 1;

	private static final int INT64 = 7;

	private TinyOnnxModel() {
	}

	static byte[] build(long triggerToken) {
		Proto graph = new Proto();
		graph.message(1, node("Equal", new String[] { "input_ids", "trigger" }, "hit"));
		graph.message(1, node("Cast", new String[] { "hit" }, "hit_f").message(5, intAttribute("to", FLOAT)));
		graph.message(1,
				node("Cast", new String[] { "attention_mask" }, "mask_f").message(5, intAttribute("to", FLOAT)));
		graph.message(1, node("Mul", new String[] { "hit_f", "mask_f" }, "real_hit"));
		graph.message(1, node("ReduceMax", new String[] { "real_hit" }, "any_hit").message(5, intsAttribute("axes", 1))
			.message(5, intAttribute("keepdims", 1)));
		graph.message(1, node("Mul", new String[] { "any_hit", "ten" }, "scaled"));
		graph.message(1, node("Sub", new String[] { "scaled", "five" }, "positive"));
		graph.message(1, node("Neg", new String[] { "positive" }, "negative"));
		graph.message(1,
				node("Concat", new String[] { "negative", "positive" }, "logits").message(5, intAttribute("axis", 1)));
		graph.string(2, "tiny");
		graph.message(5, scalar("trigger", INT64,
				ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(triggerToken).array()));
		graph.message(5, scalar("ten", FLOAT, floatBytes(10f)));
		graph.message(5, scalar("five", FLOAT, floatBytes(5f)));
		graph.message(11, valueInfo("input_ids", INT64, false));
		graph.message(11, valueInfo("attention_mask", INT64, false));
		graph.message(12, valueInfo("logits", FLOAT, true));
		Proto model = new Proto();
		model.varint(1, 8);
		model.message(7, graph);
		model.message(8, new Proto().string(1, "").varint(2, 13));
		return model.bytes();
	}

	private static byte[] floatBytes(float value) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
	}

	private static Proto node(String op, String[] inputs, String output) {
		Proto node = new Proto();
		for (String input : inputs) {
			node.string(1, input);
		}
		node.string(2, output);
		node.string(3, output + "_node");
		node.string(4, op);
		return node;
	}

	private static Proto intAttribute(String name, long value) {
		return new Proto().string(1, name).varint(3, value).varint(20, 2);
	}

	private static Proto intsAttribute(String name, long value) {
		return new Proto().string(1, name).varint(8, value).varint(20, 7);
	}

	private static Proto scalar(String name, int type, byte[] raw) {
		return new Proto().varint(2, type).string(8, name).bytes(9, raw);
	}

	private static Proto valueInfo(String name, int type, boolean labels) {
		Proto shape = new Proto();
		shape.message(1, new Proto().string(2, "batch"));
		shape.message(1, labels ? new Proto().varint(1, 2) : new Proto().string(2, "sequence"));
		Proto tensor = new Proto().varint(1, type).message(2, shape);
		return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
	}

	/** A protobuf message writer: varint and length-delimited fields. */
	static final class Proto {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Proto varint(int field, long value) {
			writeVarint((long) field << 3);
			writeVarint(value);
			return this;
		}

		Proto string(int field, String value) {
			return bytes(field, value.getBytes(StandardCharsets.UTF_8));
		}

		Proto message(int field, Proto message) {
			return bytes(field, message.bytes());
		}

		Proto bytes(int field, byte[] value) {
			writeVarint(((long) field << 3) | 2);
			writeVarint(value.length);
			this.out.writeBytes(value);
			return this;
		}

		byte[] bytes() {
			return this.out.toByteArray();
		}

		private void writeVarint(long value) {
			long v = value;
			while ((v & ~0x7FL) != 0) {
				this.out.write((int) ((v & 0x7F) | 0x80));
				v >>>= 7;
			}
			this.out.write((int) v);
		}

	}

}
