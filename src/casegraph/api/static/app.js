// casegraph web UI: network, entity page, evidence in its document, review actions.
// Document text and every name are inserted with textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const TYPE_COLOURS = {
  person: "#7b61c9", organization: "#1f77b4", product: "#2ca02c", place: "#ff9f1c", authority: "#6b7280",
};
const state = { selected: null, token: null, positions: new Map() };

function readToken() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    localStorage.setItem("casegraph-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  state.token = localStorage.getItem("casegraph-token");
  document.getElementById("token-state").textContent = state.token
    ? "review actions enabled" : "read-only: open the link `casegraph serve` printed to review";
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

async function api(path, options = {}) {
  const headers = { "Content-Type": "application/json" };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.detail || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

function filters() {
  const params = new URLSearchParams();
  const minStatus = document.getElementById("min-status").value;
  const since = document.getElementById("since").value.trim();
  const until = document.getElementById("until").value.trim();
  if (minStatus) params.set("min_status", minStatus);
  if (since) params.set("since", since);
  if (until) params.set("until", until);
  if (document.getElementById("show-rejected").checked) params.set("rejected", "true");
  return params;
}

function layout(nodes, edges, width, height) {
  // A small spring embedder: edges pull, all nodes push; earlier positions are kept.
  const pos = new Map();
  nodes.forEach((n, i) => {
    const old = state.positions.get(n.id);
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    pos.set(n.id, old ? { ...old } : { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) });
  });
  const k = Math.sqrt((width * height) / Math.max(1, nodes.length)) * 0.45;
  for (let step = 0; step < 300; step++) {
    const force = new Map(nodes.map((n) => [n.id, { x: 0, y: 0 }]));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = pos.get(nodes[i].id), b = pos.get(nodes[j].id);
        let dx = a.x - b.x, dy = a.y - b.y;
        const d = Math.max(1, Math.hypot(dx, dy));
        // Labels run to the right of their node: side by side, two nodes need the left one's label width.
        const left = a.x <= b.x ? nodes[i] : nodes[j];
        const room = 20 + 6.5 * String(left.label || "").length;
        const push = (k * k) / Math.max(1, Math.hypot((dx * 60) / room, dy));
        dx /= d; dy /= d;
        force.get(nodes[i].id).x += dx * push; force.get(nodes[i].id).y += dy * push;
        force.get(nodes[j].id).x -= dx * push; force.get(nodes[j].id).y -= dy * push;
      }
    }
    for (const e of edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      if (!a || !b || a === b) continue;
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const pull = (d * d) / k;
      dx /= d; dy /= d;
      force.get(e.source).x -= dx * pull; force.get(e.source).y -= dy * pull;
      force.get(e.target).x += dx * pull; force.get(e.target).y += dy * pull;
    }
    for (const n of nodes) {
      // Gravity towards the centre keeps separate components on screen instead of pinned to an edge.
      const p = pos.get(n.id), f = force.get(n.id);
      f.x += (width / 2 - p.x) * 0.8;
      f.y += (height / 2 - p.y) * 0.8;
    }
    const heat = 12 * (1 - step / 300) + 0.5;
    for (const n of nodes) {
      const p = pos.get(n.id), f = force.get(n.id);
      const len = Math.max(1e-6, Math.hypot(f.x, f.y));
      p.x = Math.min(width - 130, Math.max(30, p.x + (f.x / len) * Math.min(len, heat)));
      p.y = Math.min(height - 64, Math.max(24, p.y + (f.y / len) * Math.min(len, heat)));
    }
  }
  state.positions = pos;
  return pos;
}

async function drawNetwork() {
  const graph = await api(`/api/graph?${filters()}`);
  const svg = document.getElementById("network");
  svg.replaceChildren();
  const { width, height } = svg.getBoundingClientRect();
  const pos = layout(graph.nodes, graph.edges, width || 800, height || 600);
  for (const e of graph.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    const line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", a.x); line.setAttribute("y1", a.y);
    line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
    line.setAttribute("class", `edge ${e.status}${e.review === "rejected" ? " rejected" : ""}`);
    line.setAttribute("data-claim", e.id);
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${e.predicate} (${e.status}${e.date ? ", " + e.date : ""})`;
    line.append(title);
    svg.append(line);
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id);
    const g = document.createElementNS(SVG, "g");
    g.setAttribute("class", `node${n.sanctioned ? " sanctioned" : ""}${n.id === state.selected ? " selected" : ""}`);
    g.setAttribute("data-id", n.id);
    g.setAttribute("data-label", n.label);
    g.setAttribute("transform", `translate(${p.x},${p.y})`);
    const circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("r", n.type === "person" || n.type === "organization" ? 9 : 6);
    circle.setAttribute("fill", TYPE_COLOURS[n.type] || "#999");
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", 12); label.setAttribute("y", 4);
    label.textContent = n.label;
    g.append(circle, label);
    g.addEventListener("click", () => showEntity(n.id));
    svg.append(g);
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren(
    ...Object.entries(TYPE_COLOURS).map(([type, colour]) => el("span", { style: `color:${colour}` }, `● ${type}`)),
    el("span", { class: "muted" }, "red ring: sanctioned · line: documented thick, reported dashed, unconfirmed/denied dotted"),
  );
}

function statusBadge(status) {
  return el("span", { class: `badge status-${status}` }, status);
}

function claimCard(claim, page) {
  const names = new Map([page.entity, ...page.neighbours].map((e) => [e.id, e.name]));
  const subject = names.get(claim.subject) || claim.subject;
  const object = names.get(claim.object) || claim.object;
  const attributes = Object.entries(claim.attributes).filter(([key]) => !key.endsWith("_text") && key !== "cue");
  const card = el("div", { class: `claim${claim.review === "rejected" ? " rejected" : ""}`, "data-claim": claim.id },
    el("div", {}, el("strong", {}, subject), ` ${claim.predicate} `, el("strong", {}, object), " ", statusBadge(claim.status),
      claim.review ? el("span", { class: "badge review" }, claim.review) : null),
    attributes.length ? el("div", { class: "muted" }, attributes.map(([k, v]) => `${k}: ${v}`).join(" · ")) : null,
    el("blockquote", {}, claim.evidence.quote),
    claim.evidence.cue ? el("div", { class: "muted" }, `cue: “${claim.evidence.cue}”`) : null,
    el("div", {},
      el("button", { class: "link show-evidence", type: "button", onclick: () => showDocument(claim.evidence) }, "show in document"),
      " ",
      el("button", { type: "button", class: "accept", onclick: () => reviewClaim(claim.id, "accepted") }, "Accept"),
      el("button", { type: "button", class: "reject", onclick: () => reviewClaim(claim.id, "rejected") }, "Reject")),
  );
  return card;
}

async function showEntity(id) {
  state.selected = id;
  const params = filters();
  const page = await api(`/api/entities/${encodeURIComponent(id)}`);
  const shown = await api(`/api/claims?entity=${encodeURIComponent(id)}&${params}`);
  const entity = page.entity;
  const box = document.getElementById("entity");
  box.replaceChildren(
    el("h2", {}, entity.name),
    el("div", {}, el("span", { class: "badge" }, entity.type),
      entity.sanctions.length ? el("span", { class: "badge sanctioned" }, "sanctions match") : null,
      ...entity.countries.map((c) => el("span", { class: "badge" }, c))),
    entity.aliases.length ? el("div", { class: "muted" }, `also written: ${entity.aliases.join(", ")}`) : null,
    entity.sanctions.length ? el("h3", {}, "Sanctions matches") : null,
    ...entity.sanctions.map((m) => el("div", { class: "match" },
      el("strong", {}, `${m.matched_name}`), ` — ${m.list} (${m.list_date}) entry ${m.entry_id}, score ${m.score}`,
      el("div", { class: "muted" }, m.explanation))),
    el("h3", {}, `Claims (${shown.length})`),
    ...shown.map((claim) => claimCard(claim, page)),
  );
  document.getElementById("document").replaceChildren();
  document.querySelectorAll(".node").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
}

async function showDocument(evidence) {
  const doc = await api(`/api/documents/${encodeURIComponent(evidence.document_id)}`);
  // Offsets count code points (Python's str); JavaScript strings count UTF-16 units.
  const codePoints = Array.from(doc.text);
  const text = { length: codePoints.length, slice: (a, b) => codePoints.slice(a, b).join("") };
  const pieces = [];
  const cuts = new Set([0, text.length, evidence.start, evidence.end]);
  for (const span of doc.removed) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const chunk = text.slice(start, end);
    const removed = doc.removed.find((s) => s.start <= start && end <= s.end);
    let node = document.createTextNode(chunk);
    if (start >= evidence.start && end <= evidence.end) node = el("mark", { class: "evidence" }, chunk);
    if (removed) node = el("span", { class: "removed", title: `removed by cleaning: ${removed.reason}` }, chunk);
    pieces.push(node);
  }
  const pre = el("pre", {}, ...pieces);
  document.getElementById("document").replaceChildren(
    el("h3", {}, doc.title),
    el("div", { class: "muted" }, `${doc.source}${doc.published ? " · " + doc.published : ""}${evidence.locator ? " · " + evidence.locator : ""}`),
    pre,
  );
  const mark = pre.querySelector("mark.evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

async function reviewClaim(id, verdict) {
  if (!state.token) { alert("Review needs the token: open the link that `casegraph serve` printed."); return; }
  try {
    await api(`/api/claims/${encodeURIComponent(id)}/review`, { method: "POST", body: JSON.stringify({ verdict }) });
  } catch (error) { alert(error.message); return; }
  if (state.selected) await showEntity(state.selected);
  await drawNetwork();
}

async function search(event) {
  event.preventDefault();
  const query = document.getElementById("search").value.trim();
  const box = document.getElementById("results");
  if (!query) { box.replaceChildren(); return; }
  const hits = await api(`/api/search?q=${encodeURIComponent(query)}`);
  box.replaceChildren(el("h3", {}, `${hits.length} results`), ...hits.map((hit) => el("div", {},
    el("button", { class: "link", type: "button", onclick: () => hit.kind === "entity"
      ? showEntity(hit.id) : showDocument({ document_id: hit.id, start: 0, end: 0 }) }, hit.label),
    el("div", { class: "muted" }, hit.snippet))));
}

function refresh() {
  drawNetwork().then(() => state.selected && showEntity(state.selected)).catch(report);
}

function report(error) {
  document.getElementById("results").replaceChildren(el("p", { class: "error" }, `error: ${error.message}`));
}

readToken();
document.getElementById("search-form").addEventListener("submit", (e) => search(e).catch(report));
for (const id of ["min-status", "since", "until", "show-rejected"]) {
  document.getElementById(id).addEventListener("change", refresh);
}
drawNetwork().catch(report);
