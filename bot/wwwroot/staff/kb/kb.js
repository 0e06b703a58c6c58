// Knowledge base editor: plain DOM, no framework. Every text from the server goes in with textContent; only the
// server-sanitized Markdown preview is set as HTML.
'use strict';
const LANGS = ['zh-Hans', 'en', 'zh-Hant'];
const CATEGORIES = ['claims', 'product', 'application', 'policy_service', 'renewal_payment', 'complaint_process',
  'member_benefits', 'value_added', 'privacy', 'channels'];
const $ = (selector, root = document) => root.querySelector(selector);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value; else if (key.startsWith('on')) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  return node;
};
let current = null; // { id, etag, entry } of the open entry; null = a new one
let pendingInbox = null; // inbox items a new entry is being written for; closed when it is first saved

async function api(method, path, body, headers = {}) {
  const init = { method, headers: { 'X-Requested-With': 'kb-editor', ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string') init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try { response = await fetch(path, init); } catch { return { ok: false, status: 0, data: { error: 'The server cannot be reached. Check your connection and try again.' } }; }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (response.status === 401) data = { error: 'You are signed out. Sign in again (your edits are still in the form).' };
  if (response.status === 403 && !(data && data.error)) data = { error: 'Your account does not have the editor role.' };
  return { ok: response.ok, status: response.status, data, etag: response.headers.get('ETag') };
}

function showMessage(kind, text, problems = [], actions = []) {
  const box = $('#message');
  box.replaceChildren(el('strong', {}, text));
  if (problems.length) box.append(el('ul', {}, ...problems.map(p => el('li', {}, p))));
  if (actions.length) box.append(el('div', { class: 'row' }, ...actions));
  box.className = kind;
  box.hidden = false;
}
const clearMessage = () => { $('#message').hidden = true; };
const showError = (result, prefix = '') => showMessage('error', prefix + ((result.data && result.data.error) || `Request failed (${result.status}).`), (result.data && result.data.problems) || []);

// ---- list ----
async function loadList() {
  const params = new URLSearchParams();
  for (const [key, id] of [['q', '#q'], ['category', '#category'], ['status', '#filter-status']]) if ($(id).value) params.set(key, $(id).value);
  const result = await api('GET', '/api/kb/entries?' + params);
  if (!result.ok) return showError(result);
  $('#count').textContent = `${result.data.length} entries`;
  $('#entries').replaceChildren(...result.data.map(entry => el('li', { class: current && current.id === entry.id ? 'active' : '', onclick: () => openEntry(entry.id) },
    el('div', { class: 'row' }, el('code', {}, entry.id), el('span', { class: 'badge ' + entry.status }, entry.status)),
    el('div', {}, entry.questionZh), el('div', { class: 'muted' }, entry.questionEn))));
  if (!params.toString()) $('#entry-ids').replaceChildren(...result.data.map(e => el('option', { value: e.id })));
}

// ---- form ----
function buildForm() {
  for (const select of [$('#category'), $('#f-category')]) for (const c of CATEGORIES) select.append(el('option', { value: c }, c));
  for (const fieldset of document.querySelectorAll('fieldset[data-lang]')) {
    fieldset.append($('#lang-fields').content.cloneNode(true));
    const answer = $('.answer', fieldset);
    let timer;
    answer.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => preview(fieldset), 250); });
  }
}
async function preview(fieldset) {
  const result = await api('POST', '/api/kb/preview', { markdown: $('.answer', fieldset).value, language: fieldset.dataset.lang });
  if (result.ok) $('.preview', fieldset).innerHTML = result.data.html; // sanitized by the server (FaqMarkdown)
}
const list = text => text.split(/[\n,]/).map(s => s.trim()).filter(Boolean);

function fillForm(entry) {
  $('#f-id').value = entry ? entry.id : '';
  $('#f-id').readOnly = !!entry;
  $('#f-category').value = entry ? entry.category : 'claims';
  $('#f-owner').value = entry ? entry.owner || '' : '';
  $('#f-tags').value = entry ? (entry.tags || []).join(', ') : '';
  $('#f-followups').value = entry ? (entry.followUps || []).join(', ') : '';
  $('#f-from').value = entry && entry.effectiveFrom || '';
  $('#f-to').value = entry && entry.effectiveTo || '';
  $('#f-status').textContent = entry ? entry.status : 'new';
  $('#f-status').className = 'badge ' + (entry ? entry.status : 'draft');
  $('#f-version').textContent = entry ? `version ${entry.version}` + (entry.lastChange ? ` · ${entry.lastChange.by}, ${new Date(entry.lastChange.at).toLocaleString()}` : '') : '';
  for (const lang of LANGS) {
    const fieldset = $(`fieldset[data-lang="${lang}"]`);
    const content = entry && entry.content[lang];
    $('.question', fieldset).value = content ? content.question : '';
    $('.alternates', fieldset).value = content ? content.alternates.join('\n') : '';
    $('.answer', fieldset).value = content ? content.answer : '';
    preview(fieldset);
  }
  $('#hant').open = !!(entry && entry.content['zh-Hant']);
}

function readForm() {
  const content = {};
  for (const lang of LANGS) {
    const fieldset = $(`fieldset[data-lang="${lang}"]`);
    const item = { question: $('.question', fieldset).value, alternates: $('.alternates', fieldset).value.split('\n').map(s => s.trim()).filter(Boolean), answer: $('.answer', fieldset).value };
    if (lang !== 'zh-Hant' || item.question || item.answer) content[lang] = item;
  }
  return {
    id: $('#f-id').value.trim(), category: $('#f-category').value, owner: $('#f-owner').value, tags: list($('#f-tags').value),
    followUps: list($('#f-followups').value), effectiveFrom: $('#f-from').value || null, effectiveTo: $('#f-to').value || null, content,
  };
}

async function openEntry(id) {
  const result = await api('GET', '/api/kb/entries/' + encodeURIComponent(id));
  if (!result.ok) return showError(result);
  clearMessage();
  current = { id, etag: result.etag, entry: result.data.entry };
  fillForm(result.data.entry);
  loadHistory(id);
  loadList();
  history.replaceState(null, '', '#' + id);
}

function newEntry() {
  current = null;
  pendingInbox = null;
  clearMessage();
  fillForm(null);
  $('#history').replaceChildren(el('li', { class: 'muted' }, 'A new entry has no history yet.'));
  $('#f-id').focus();
}

async function save(event) {
  event.preventDefault();
  const body = readForm();
  const result = current
    ? await api('PUT', '/api/kb/entries/' + encodeURIComponent(current.id), body, { 'If-Match': current.etag })
    : await api('POST', '/api/kb/entries', body);
  if (result.status === 409 && current && result.data && result.data.current) return showConflict(result, body);
  if (!result.ok) return showError(result, 'Not saved: ');
  if (!current && pendingInbox) {
    await api('POST', '/api/kb/inbox/resolve', { itemIds: pendingInbox, resolution: 'new entry ' + body.id });
    pendingInbox = null;
    loadInbox();
  }
  afterChange(result, 'Saved as a draft. Submit it for review when it is ready.');
}

// Someone saved in between: nothing is lost — the form keeps these edits, and the editor chooses.
function showConflict(result, mine) {
  const theirs = result.data.current.entry;
  const changed = [];
  for (const lang of LANGS) for (const field of ['question', 'answer']) {
    const a = mine.content[lang] && mine.content[lang][field], b = theirs.content[lang] && theirs.content[lang][field];
    if ((a || '') !== (b || '')) changed.push(`${lang} ${field} — theirs: ${b || '(empty)'}`);
  }
  showMessage('error', `${theirs.lastChange ? theirs.lastChange.by : 'Someone'} saved this entry meanwhile (now version ${theirs.version}). Your edits are still in the form and were NOT saved.`, changed, [
    el('button', { type: 'button', onclick: async () => {
      current.etag = result.etag;
      const retry = await api('PUT', '/api/kb/entries/' + encodeURIComponent(current.id), mine, { 'If-Match': current.etag });
      if (retry.status === 409) return showConflict(retry, mine);
      if (!retry.ok) return showError(retry, 'Not saved: ');
      afterChange(retry, 'Saved your version on top of theirs (theirs stays in the history).');
    } }, 'Save mine over theirs'),
    el('button', { type: 'button', onclick: () => openEntry(current.id) }, 'Discard mine, load theirs'),
  ]);
}

async function step(name) {
  if (!current) return showMessage('error', 'Save the entry first.');
  if (name === 'retire' && !confirm(`Retire ${current.id}? Customers will no longer get this answer.`)) return;
  const result = await api('POST', `/api/kb/entries/${encodeURIComponent(current.id)}/${name}`, undefined, { 'If-Match': current.etag });
  if (result.status === 409 && result.data && result.data.current) return showMessage('error', result.data.error, [], [el('button', { type: 'button', onclick: () => openEntry(current.id) }, 'Reload the entry')]);
  if (!result.ok) return showError(result, name === 'approve' && result.status === 403 ? '' : `Cannot ${name}: `);
  const done = { submit: 'Submitted for review. Another editor must approve it.', approve: 'Approved. It can be published now.',
    publish: 'Published. Every instance answers with it within 2 seconds.', retire: 'Retired. It is no longer answered.' };
  afterChange(result, done[name]);
}

function afterChange(result, text) {
  current = { id: result.data.entry.id, etag: result.etag, entry: result.data.entry };
  fillForm(result.data.entry);
  showMessage('ok', text);
  loadList();
  loadHistory(current.id);
  loadStatus();
}

// ---- history ----
async function loadHistory(id) {
  const result = await api('GET', `/api/kb/entries/${encodeURIComponent(id)}/history`);
  if (!result.ok) return;
  $('#history').replaceChildren(...result.data.map(version => el('li', {},
    el('div', { class: 'row' },
      el('strong', {}, `v${version.version}`), el('span', { class: 'badge ' + version.status }, version.status),
      el('span', {}, `${version.action} by ${version.by}`), el('span', { class: 'muted small' }, new Date(version.at).toLocaleString()),
      version.version !== current?.entry.version ? el('button', { type: 'button', class: 'small', onclick: () => rollback(id, version) }, 'Roll back to this') : el('span', { class: 'muted small' }, 'current')),
    el('table', { class: 'diff' }, ...version.diff.filter(d => d.field !== 'status').map(d => el('tr', {},
      el('th', {}, d.field), el('td', { class: 'before' }, d.before), el('td', { class: 'after' }, d.after)))))));
}

async function rollback(id, version) {
  const live = version.published ? ' It was published before, so it goes live again at once.' : ' It comes back as a draft.';
  if (!confirm(`Roll ${id} back to version ${version.version}?${live}`)) return;
  const result = await api('POST', `/api/kb/entries/${encodeURIComponent(id)}/rollback`, { version: version.version });
  if (!result.ok) return showError(result, 'Rollback failed: ');
  afterChange(result, `Rolled back to version ${version.version}.` + live);
}

// ---- tools ----
async function testQuestion(event) {
  event.preventDefault();
  const against = document.querySelector('input[name="against"]:checked').value;
  const result = await api('POST', '/api/kb/test', { question: $('#test-q').value, against });
  const box = $('#test-result');
  if (!result.ok) return box.replaceChildren(el('p', { class: 'error' }, result.data.error));
  const r = result.data;
  box.replaceChildren(
    el('p', {}, el('span', { class: 'badge decision-' + r.decision }, r.decision), ` confidence ${(r.confidence * 100).toFixed(0)}% · against ${r.against}`),
    r.ranked.length ? el('ol', { class: 'candidates' }, ...r.ranked.map(c => el('li', { class: r.offered.includes(c.id) ? 'offered' : '' },
      el('div', { class: 'row' }, el('a', { href: '#' + c.id, onclick: e => { e.preventDefault(); openEntry(c.id); } }, c.id), el('span', { class: 'muted small' }, c.similarity.toFixed(3))),
      el('div', { class: 'meter' }, el('span', { style: `width:${Math.round(c.similarity * 100)}%` })),
      el('div', { class: 'small' }, c.questionZh + ' / ' + c.questionEn)))) : el('p', { class: 'muted' }, 'No candidates: the bot would use its fallback.'));
}

async function showConflicts() {
  const result = await api('GET', '/api/kb/conflicts');
  if (!result.ok) return showError(result);
  $('#conflicts-panel').hidden = false;
  $('#conflicts').replaceChildren(...(result.data.length ? result.data.map(c => el('li', {}, el('span', { class: 'badge' }, c.kind), ' ', c.detail))
    : [el('li', { class: 'muted' }, 'No conflicts found.')]));
}

async function importFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  const result = await api('POST', '/api/kb/import?fileName=' + encodeURIComponent(file.name), await file.text(), { 'Content-Type': 'text/plain' });
  event.target.value = '';
  if (result.ok) { showMessage('ok', `Imported ${file.name}: ${result.data.created} new and ${result.data.updated} updated drafts.`); return loadList(); }
  const issues = (result.data.issues || []).map(i => `${i.file}:${i.line}: ${i.reason}`);
  showMessage('error', `${file.name} was not imported (nothing was changed): ${result.data.error || issues.length + ' problem(s)'}`, issues);
}

// ---- unanswered inbox ----
async function loadInbox() {
  const result = await api('GET', '/api/kb/inbox');
  if (!result.ok) return;
  $('#inbox').replaceChildren(...(result.data.length ? result.data.map(group => {
    const target = el('input', { list: 'entry-ids', value: group.suggestedEntryId || '', placeholder: 'entry id', 'aria-label': 'Entry' });
    const kinds = Object.entries(group.kinds).map(([kind, n]) => `${kind} ×${n}`).join(', ');
    return el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'badge count' }, String(group.count)), el('strong', {}, group.question)),
      el('div', { class: 'muted small' }, `${group.language} · ${kinds}`),
      ...group.examples.slice(1).map(example => el('div', { class: 'small example' }, '“' + example + '”')),
      el('div', { class: 'row' }, target,
        el('button', { type: 'button', class: 'small', onclick: () => addPhrasing(group, target.value.trim()) }, 'Add as phrasing'),
        el('button', { type: 'button', class: 'small', onclick: () => entryFromInbox(group) }, 'New entry'),
        el('button', { type: 'button', class: 'small', onclick: () => dismiss(group) }, 'Dismiss')));
  }) : [el('li', { class: 'muted' }, 'Nothing waiting.')]));
}

async function addPhrasing(group, entryId) {
  if (!entryId) return showMessage('error', 'Choose the entry that should answer this question.');
  const result = await api('POST', '/api/kb/inbox/add-alternate', { entryId, question: group.question, language: group.language, itemIds: group.itemIds });
  if (!result.ok) return showError(result, 'Not added: ');
  await openEntry(entryId);
  showMessage('ok', `Added “${group.question}” as a phrasing of ${entryId}. It is a draft now: submit it for review.`);
  loadInbox();
}

function entryFromInbox(group) {
  newEntry();
  pendingInbox = group.itemIds;
  const fieldset = $(`fieldset[data-lang="${group.language}"]`) || $('fieldset[data-lang="en"]');
  $('.question', fieldset).value = group.question;
  $('.alternates', fieldset).value = group.examples.join('\n');
  if (group.language === 'zh-Hant') $('#hant').open = true;
  showMessage('ok', 'A new entry from the inbox: fill in the rest and save; the inbox items close when it is saved.');
}

async function dismiss(group) {
  const result = await api('POST', '/api/kb/inbox/resolve', { itemIds: group.itemIds, resolution: 'dismissed' });
  if (!result.ok) return showError(result);
  loadInbox();
}

async function loadStatus() {
  const result = await api('GET', '/api/kb/status');
  if (result.ok) $('#status').textContent = `publish #${result.data.publishNumber} · ${result.data.liveEntries} live entries`;
}

async function loadMe() {
  const result = await api('GET', '/api/staff/me');
  if (result.ok) $('#me').textContent = `${result.data.userName} (${result.data.roles.join(', ')})`;
}

buildForm();
$('#form').addEventListener('submit', save);
for (const button of document.querySelectorAll('[data-step]')) button.addEventListener('click', () => step(button.dataset.step));
$('#new-entry').addEventListener('click', newEntry);
let searchTimer;
$('#q').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(loadList, 200); });
$('#category').addEventListener('change', loadList);
$('#filter-status').addEventListener('change', loadList);
$('#test-form').addEventListener('submit', testQuestion);
$('#show-conflicts').addEventListener('click', showConflicts);
$('#import-file').addEventListener('change', importFile);
$('#inbox-refresh').addEventListener('click', loadInbox);
loadInbox();
loadMe();
loadStatus();
loadList().then(() => location.hash.length > 1 ? openEntry(decodeURIComponent(location.hash.slice(1))) : newEntry());
