-- The AI audit trail (ai.security.audit.jdbc). Metadata only: no prompt or reply text is ever stored.
-- Idempotent: run at start-up when ai.security.audit.jdbc.initialize-schema=true.
CREATE TABLE IF NOT EXISTS ai_audit_record (
	id BIGSERIAL PRIMARY KEY,
	occurred_at TIMESTAMPTZ NOT NULL,
	request_id VARCHAR(64) NOT NULL,
	principal VARCHAR(255) NOT NULL,
	authentication_method VARCHAR(64) NOT NULL,
	tier VARCHAR(64),
	endpoint VARCHAR(255) NOT NULL,
	mode VARCHAR(16) NOT NULL,
	model VARCHAR(255),
	outcome VARCHAR(16) NOT NULL,
	input_chars INTEGER NOT NULL,
	output_chars INTEGER NOT NULL,
	prompt_tokens BIGINT NOT NULL,
	completion_tokens BIGINT NOT NULL,
	total_tokens BIGINT NOT NULL,
	total_micros BIGINT NOT NULL,
	guard_micros BIGINT NOT NULL,
	input_hash VARCHAR(64) NOT NULL,
	output_hash VARCHAR(64),
	reasons VARCHAR(1000) NOT NULL,
	verdicts TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ai_audit_record_principal_time ON ai_audit_record (principal, occurred_at);
CREATE INDEX IF NOT EXISTS ai_audit_record_time ON ai_audit_record (occurred_at);
