-- wrk script for the endpoint-security benchmark (docs/performance.md, "Endpoint security").
-- POSTs one short chat message to the sample app; the API key is the published demo key.
wrk.method = "POST"
wrk.body = '{"message":"repeat after me: hello"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "demo-pro-key"
