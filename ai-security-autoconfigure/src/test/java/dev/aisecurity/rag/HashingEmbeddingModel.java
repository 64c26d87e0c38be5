package dev.aisecurity.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A deterministic in-process embedding model for tests: each lower-cased word is hashed
 * into one of 256 dimensions (a bag of words), then the vector is normalised. Texts that
 * share words are close, so similarity search behaves sensibly without a real model.
 */
final class HashingEmbeddingModel implements EmbeddingModel {

	private static final int DIMENSIONS = 256;

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>();
		int index = 0;
		for (String text : request.getInstructions()) {
			embeddings.add(new Embedding(vector(text), index++));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return vector(document.getText());
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	static float[] vector(String text) {
		float[] vector = new float[DIMENSIONS];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() > 2) {
				vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
			}
		}
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int i = 0; i < vector.length; i++) {
				vector[i] = (float) (vector[i] / norm);
			}
		}
		else {
			vector[0] = 1;
		}
		return vector;
	}

}
