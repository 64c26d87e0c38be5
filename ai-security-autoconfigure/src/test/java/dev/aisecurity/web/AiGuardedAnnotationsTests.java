package dev.aisecurity.web;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AiGuardedAnnotationsTests {

	private final AiGuardedAnnotations annotations = new AiGuardedAnnotations();

	@Test
	void methodAnnotationWinsOverTheClassOneAndNamesTheEndpoint() throws Exception {
		Method admin = Guarded.class.getMethod("admin");
		AiGuardedAnnotations.GuardedMethod guarded = this.annotations.guardedMethod(admin, Guarded.class);
		assertThat(guarded.annotation().roles()).containsExactly("ADMIN");
		assertThat(guarded.endpoint()).isEqualTo("Guarded#admin");
		// cached: the same answer again
		assertThat(this.annotations.guardedMethod(admin, Guarded.class)).isSameAs(guarded);
		assertThat(this.annotations.find(admin, Guarded.class)).containsSame(guarded.annotation());
	}

	@Test
	void classAnnotationAppliesToUnannotatedMethods() throws Exception {
		Method chat = Guarded.class.getMethod("chat");
		AiGuardedAnnotations.GuardedMethod guarded = this.annotations.guardedMethod(chat, Guarded.class);
		assertThat(guarded.annotation().bucket()).isEqualTo("chat");
		assertThat(guarded.annotation().roles()).isEmpty();
		assertThat(guarded.endpoint()).isEqualTo("Guarded#chat");
	}

	@Test
	void unguardedMethodsHaveNoAnnotation() throws Exception {
		Method open = Open.class.getMethod("open");
		assertThat(this.annotations.guardedMethod(open, Open.class)).isNull();
		assertThat(this.annotations.guardedMethod(open, Open.class)).isNull();
		assertThat(this.annotations.find(open, Open.class)).isEmpty();
	}

	@AiGuarded(bucket = "chat")
	public static class Guarded {

		public void chat() {
		}

		@AiGuarded(roles = "ADMIN")
		public void admin() {
		}

	}

	public static class Open {

		public void open() {
		}

	}

}
