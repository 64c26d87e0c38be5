// AI Security dashboard: polls ./state and drives the chat box. Data is only ever
// written with textContent, never parsed as HTML.
(function () {
	'use strict';

	var state = { refreshMillis: 5000, chatPath: null, csrf: null };
	var timer = null;

	function el(tag, text, className) {
		var node = document.createElement(tag);
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		if (className) {
			node.className = className;
		}
		return node;
	}

	function fillTable(id, rows, cells) {
		var body = document.querySelector('#' + id + ' tbody');
		body.replaceChildren();
		if (rows.length === 0) {
			var empty = el('tr');
			var cell = el('td', 'none yet', 'meta');
			cell.colSpan = document.querySelectorAll('#' + id + ' thead th').length;
			empty.appendChild(cell);
			body.appendChild(empty);
			return;
		}
		rows.forEach(function (row) {
			var tr = el('tr');
			cells(row).forEach(function (c) {
				tr.appendChild(c);
			});
			body.appendChild(tr);
		});
	}

	function summary(counts) {
		var keys = Object.keys(counts || {});
		if (keys.length === 0) {
			return 'none';
		}
		return keys.map(function (k) { return k + ' ' + counts[k]; }).join(', ');
	}

	function render(data) {
		document.getElementById('generated-at').textContent = data.generatedAt;
		fillTable('detectors', data.detectors || [], function (d) {
			var tr = [el('td', d.detector), el('td', d.total, 'num total'), el('td', d.allow, 'num'),
				el('td', d.sanitize, 'num'), el('td', d.block, 'num')];
			return tr;
		});
		document.querySelectorAll('#detectors tbody tr').forEach(function (tr, i) {
			var d = (data.detectors || [])[i];
			if (d) {
				tr.dataset.detector = d.detector;
			}
		});
		document.getElementById('verdicts').textContent = summary(data.verdicts);
		var tiers = data.rateLimitRejections || {};
		fillTable('rate-limits', Object.keys(tiers).map(function (t) { return [t, tiers[t]]; }), function (r) {
			return [el('td', r[0]), el('td', r[1], 'num')];
		});
		fillTable('extraction', data.extractionScores || [], function (s) {
			return [el('td', s.principal), el('td', s.score.toFixed(3), 'num'), el('td', s.action),
				el('td', s.requests, 'num')];
		});
		document.getElementById('extraction-alerts').textContent = summary(data.extractionAlerts);
		document.getElementById('output-anomalies').textContent = summary(data.outputAnomalies);
		document.getElementById('drift-deviations').textContent = summary(data.driftDeviations);
		var posture = data.posture;
		if (posture) {
			var s = posture.summary || {};
			document.getElementById('posture-summary').textContent = (posture.production ? 'Production' : 'Non-production')
				+ ' profile: ' + (s.active || 0) + ' active, ' + (s.degraded || 0) + ' degraded, ' + (s.missing || 0) + ' missing';
			fillTable('posture', posture.controls || [], function (c) {
				return [el('td', c.id), el('td', c.status, 'status-' + c.status), el('td', c.evidence),
					el('td', c.advice || '')];
			});
		}
		else {
			document.getElementById('posture-summary').textContent = 'Posture not available.';
		}
	}

	function setStatus(text) {
		document.getElementById('status').textContent = text;
	}

	function refresh() {
		return fetch('state', { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
			.then(function (response) {
				var type = response.headers.get('Content-Type') || '';
				if (!response.ok || type.indexOf('application/json') !== 0) {
					throw new Error('HTTP ' + response.status);
				}
				return response.json();
			})
			.then(function (data) {
				state.refreshMillis = data.refreshMillis || state.refreshMillis;
				state.csrf = data.csrf || null;
				if (data.chatPath && !state.chatPath) {
					state.chatPath = data.chatPath;
					document.getElementById('chat-section').hidden = false;
				}
				render(data);
				setStatus('');
			})
			.catch(function (error) {
				setStatus('(refresh failed: ' + error.message + '; reload the page to sign in again)');
			})
			.finally(function () {
				clearTimeout(timer);
				timer = setTimeout(refresh, state.refreshMillis);
			});
	}

	function verdictBadge(kind, label) {
		return el('span', label, 'verdict verdict-' + kind);
	}

	function showReply(message, response, body) {
		var item = el('li');
		item.appendChild(el('div', 'You: ' + message, 'meta'));
		var verdict = el('div', null, 'verdict-line');
		if (response.ok) {
			var decision = response.headers.get('X-AI-Security-Verdict') || 'allow';
			var label = decision === 'sanitize' ? 'redacted' : (decision === 'block' ? 'blocked' : 'allowed');
			verdict.appendChild(verdictBadge(decision, label));
			var reasons = response.headers.get('X-AI-Security-Reasons');
			if (reasons) {
				verdict.appendChild(el('span', reasons.split(',').join(' '), 'codes'));
			}
			item.appendChild(el('p', body && typeof body.reply === 'string' ? body.reply : '', 'reply'));
		}
		else {
			var code = body && body.code ? body.code : 'HTTP_' + response.status;
			var blocked = code === 'AI_INPUT_BLOCKED' || code === 'AI_OUTPUT_BLOCKED';
			verdict.appendChild(verdictBadge('block', blocked ? 'blocked' : 'refused'));
			var codes = [code].concat(body && Array.isArray(body.reasons) ? body.reasons : []);
			verdict.appendChild(el('span', codes.join(' '), 'codes'));
			item.appendChild(el('p', body && body.title ? body.title : 'The request was refused.', 'reply'));
		}
		item.insertBefore(verdict, item.children[1]);
		var log = document.getElementById('chat-log');
		log.insertBefore(item, log.firstChild);
	}

	function send(event) {
		event.preventDefault();
		var input = document.getElementById('chat-input');
		var message = input.value.trim();
		if (!message || !state.chatPath) {
			return;
		}
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' };
		if (state.csrf) {
			headers[state.csrf.header] = state.csrf.token;
		}
		var button = document.getElementById('chat-send');
		button.disabled = true;
		fetch(state.chatPath, { method: 'POST', headers: headers, body: JSON.stringify({ message: message }) })
			.then(function (response) {
				return response.json().catch(function () { return null; }).then(function (body) {
					showReply(message, response, body);
				});
			})
			.catch(function (error) {
				setStatus('(chat failed: ' + error.message + ')');
			})
			.finally(function () {
				button.disabled = false;
				input.value = '';
				refresh();
			});
	}

	document.addEventListener('DOMContentLoaded', function () {
		document.getElementById('chat-form').addEventListener('submit', send);
		refresh();
	});
}());
