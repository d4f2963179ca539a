// A scripted OpenAI-compatible chat model for the agent e2e test: n8n's OpenAI Chat Model
// node, its credential's Base URL pointed here, asks it what to do, and it answers from a
// script instead of a model. It records every request, so a test can read exactly what
// n8n showed the model: the tools (name, description, JSON schema of the parameters) and
// the messages, tool results included.
//
// Endpoints (127.0.0.1 only): POST /v1/chat/completions (plain JSON, or server-sent
// events when the request asks for `stream`), GET /v1/models.
const fs = require('node:fs');
const http = require('node:http');

const MODEL_ID = 'scripted-model';

/** The request's tool results (role `tool`), oldest first, as text. */
function toolResults(body) {
	return (body.messages || [])
		.filter((m) => m.role === 'tool')
		.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}

/** The request's tools as `{ name, description, parameters }` (OpenAI's `tools[].function`). */
function toolsOf(body) {
	return (body.tools || []).map((t) => t.function || t);
}

/** The text of the request's last user message. */
function userText(body) {
	const users = (body.messages || []).filter((m) => m.role === 'user');
	const last = users[users.length - 1];
	if (!last) return '';
	if (typeof last.content === 'string') return last.content;
	return (last.content || []).map((part) => part.text || '').join('');
}

/**
 * What one script step returns -> an OpenAI chat completion message.
 * `{ toolCall: { name?, arguments } }` calls a tool (the request's only tool when no name is
 * given); `{ content }` is the final answer.
 */
function toMessage(step, body, callNumber) {
	if (step && step.toolCall) {
		const name = step.toolCall.name || (toolsOf(body)[0] || {}).name;
		if (!name) throw new Error('the script calls a tool, but the request offers none');
		return {
			message: {
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: `call_${callNumber}`,
						type: 'function',
						function: { name, arguments: JSON.stringify(step.toolCall.arguments || {}) },
					},
				],
			},
			finishReason: 'tool_calls',
		};
	}
	return { message: { role: 'assistant', content: String((step && step.content) ?? '') }, finishReason: 'stop' };
}

function completion(id, { message, finishReason }) {
	return {
		id,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: MODEL_ID,
		choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** The same answer as server-sent events: one delta with everything, then the finish, then [DONE]. */
function streamed(res, id, { message, finishReason }) {
	const created = Math.floor(Date.now() / 1000);
	const chunk = (delta, finish) =>
		`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL_ID, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) }
		: { role: 'assistant', content: message.content };
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	res.write(chunk(delta, null));
	res.write(chunk({}, finishReason));
	res.end('data: [DONE]\n\n');
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (d) => (text += d));
		req.on('end', () => resolve(text));
		req.on('error', reject);
	});
}

function sendJson(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/**
 * Starts the server. `script(body, calls)` (or `setScript`) decides each answer: it gets the
 * request body and the chat requests so far (this one last) and returns a step (see toMessage).
 * Resolves `{ url, baseUrl, requests, chatRequests(), setScript(fn), reset(), stop() }`.
 * With IMOJE_E2E_MODEL_LOG set, `stop()` writes every recorded request to that file.
 */
async function startScriptedModel({ script } = {}) {
	let current = script;
	const requests = [];
	// Everything since the start, for IMOJE_E2E_MODEL_LOG (reset() clears `requests` only).
	const log = [];
	let calls = 0;
	const server = http.createServer(async (req, res) => {
		try {
			const text = await readBody(req);
			let body;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			const path = new URL(req.url, 'http://127.0.0.1').pathname.replace(/\/+$/, '');
			// The API key stays out of the record.
			const { authorization: _auth, ...headers } = req.headers;
			const record = { method: req.method, path, headers, body };
			requests.push(record);
			log.push(record);
			if (req.method === 'GET' && path === '/v1/models') {
				return sendJson(res, 200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'e2e' }] });
			}
			if (req.method === 'POST' && path === '/v1/chat/completions') {
				if (!current) return sendJson(res, 500, { error: { message: 'no script set', type: 'server_error' } });
				calls += 1;
				const chats = requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body);
				const step = await current(body, chats);
				const answer = toMessage(step, body, calls);
				const id = `chatcmpl-${calls}`;
				if (body && body.stream) return streamed(res, id, answer);
				return sendJson(res, 200, completion(id, answer));
			}
			return sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
		} catch (e) {
			return sendJson(res, 500, { error: { message: `script failed: ${e.message}`, type: 'server_error' } });
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const url = `http://127.0.0.1:${server.address().port}`;
	return {
		url,
		/** What the OpenAI credential's Base URL should be. */
		baseUrl: `${url}/v1`,
		requests,
		/** The bodies of the chat completion requests so far, oldest first. */
		chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body),
		setScript(fn) {
			current = fn;
		},
		reset() {
			requests.length = 0;
		},
		async stop() {
			const file = process.env.IMOJE_E2E_MODEL_LOG;
			if (file) fs.writeFileSync(file, JSON.stringify(log, null, 2));
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { startScriptedModel, toolResults, toolsOf, userText, MODEL_ID };
