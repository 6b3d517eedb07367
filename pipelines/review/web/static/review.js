// The report view: boxes on the page images, the finding list, the edit form, drawing a box to
// add a missed finding, and the keyboard. Plain JavaScript, no build step. Every change is sent
// to the server (with the session's CSRF token) and the page is redrawn from the record it
// answers with, so what is shown is always what is stored.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("review-data").textContent);
  const state = { record: data.record, selected: -1, mode: null, draftBox: null, entities: [] };
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const form = $("#finding-form");
  const MIN_DRAG_PX = 6;

  // --- talking to the server -------------------------------------------------------------------

  async function send(path, body) {
    const response = await fetch(data.api + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": data.csrf },
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
    });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = (payload.error && payload.error.message) || response.statusText;
      notify(message, true);
      throw new Error(message);
    }
    return payload;
  }

  function notify(message, isError) {
    const notice = $("#notice");
    notice.textContent = message;
    notice.classList.toggle("error", Boolean(isError));
  }

  // --- drawing ---------------------------------------------------------------------------------

  function findingText(finding) {
    return finding.evidence ? finding.description + "\n\n" + finding.evidence : finding.description;
  }

  function ordinal(finding) {
    return String(parseInt(finding.finding_id.split("-").pop(), 10));
  }

  function placeBox(element, page, bbox) {
    const size = data.pages[page - 1];
    element.style.left = (100 * bbox[0]) / size.width + "%";
    element.style.top = (100 * bbox[1]) / size.height + "%";
    element.style.width = (100 * (bbox[2] - bbox[0])) / size.width + "%";
    element.style.height = (100 * (bbox[3] - bbox[1])) / size.height + "%";
  }

  function drawPages() {
    $$(".page").forEach((pageDiv) => {
      const size = data.pages[Number(pageDiv.dataset.page) - 1];
      pageDiv.style.aspectRatio = size.width + " / " + size.height;
    });
  }

  function drawBoxes() {
    $$(".overlay .box").forEach((box) => box.remove());
    state.record.findings.forEach((finding, index) => {
      const overlay = $(`.page[data-page="${finding.provenance.page}"] .overlay`);
      if (!overlay) return;
      const box = document.createElement("div");
      box.className = "box kind-" + finding.kind + (index === state.selected ? " selected" : "");
      box.dataset.index = String(index);
      box.setAttribute("data-testid", "box-" + ordinal(finding));
      box.title = finding.description.slice(0, 120);
      const label = document.createElement("span");
      label.textContent = ordinal(finding);
      box.appendChild(label);
      placeBox(box, finding.provenance.page, finding.provenance.bbox);
      box.addEventListener("mousedown", (event) => event.stopPropagation());
      box.addEventListener("click", () => select(index, true));
      overlay.appendChild(box);
    });
  }

  function drawList() {
    const list = $("#finding-list");
    list.textContent = "";
    state.record.findings.forEach((finding, index) => {
      const item = document.createElement("li");
      item.className = index === state.selected ? "selected" : "";
      item.dataset.index = String(index);
      item.setAttribute("data-testid", "finding-" + ordinal(finding));
      const head = document.createElement("div");
      head.className = "head";
      const codes = finding.ilo_indicators.map((i) => i.code).join(" ");
      head.textContent =
        "#" + ordinal(finding) + " · p." + finding.provenance.page + " · " +
        finding.kind.replace("_", " ") + (finding.severity ? " · " + finding.severity : "") +
        (finding.clause ? " · " + finding.clause : "");
      const codesSpan = document.createElement("span");
      codesSpan.className = "codes";
      codesSpan.textContent = codes;
      head.appendChild(codesSpan);
      const text = document.createElement("div");
      text.className = "text";
      text.textContent = finding.description.slice(0, 160);
      const confidence = document.createElement("div");
      confidence.className = "confidence";
      confidence.textContent = "confidence " + finding.confidence.toFixed(2);
      item.append(head, text, confidence);
      item.addEventListener("click", () => select(index, true));
      list.appendChild(item);
    });
    $("#finding-count").textContent = "(" + state.record.findings.length + ")";
  }

  function redraw() {
    if (state.selected >= state.record.findings.length) {
      state.selected = state.record.findings.length - 1;
    }
    drawBoxes();
    drawList();
  }

  function select(index, scroll) {
    if (index < 0 || index >= state.record.findings.length) return;
    state.selected = index;
    redraw();
    if (scroll) {
      const box = $(`.box[data-index="${index}"]`);
      if (box) box.scrollIntoView({ block: "center", behavior: "instant" });
      const item = $(`#finding-list li[data-index="${index}"]`);
      if (item) item.scrollIntoView({ block: "nearest", behavior: "instant" });
    }
    if (state.mode === "edit") openEditor();
  }

  // --- the finding form ------------------------------------------------------------------------

  function buildIloBoxes() {
    const holder = $("#ilo-boxes");
    let group = null;
    data.ilo.forEach((indicator) => {
      if (indicator.group !== group) {
        group = indicator.group;
        const heading = document.createElement("div");
        heading.className = "ilo-group";
        heading.textContent = group.replace(/_/g, " ");
        holder.appendChild(heading);
      }
      const label = document.createElement("label");
      label.className = "ilo-code";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = "ilo";
      box.value = indicator.code;
      box.setAttribute("data-testid", "ilo-" + indicator.code);
      label.append(box, " " + indicator.code + " " + indicator.label);
      holder.appendChild(label);
    });
    const select = $("#entity-label");
    data.entity_labels.forEach((name) => {
      const option = document.createElement("option");
      option.value = option.textContent = name;
      select.appendChild(option);
    });
  }

  function fill(finding) {
    ["kind", "clause", "topic", "title", "description", "evidence", "severity_raw",
      "corrective_action", "due"].forEach((name) => {
      form.elements[name].value = finding[name] || "";
    });
    form.elements.kind.value = finding.kind;
    form.elements.severity.value = finding.severity || "";
    const codes = new Set(finding.ilo_indicators.map((i) => i.code));
    $$('input[name="ilo"]', form).forEach((box) => { box.checked = codes.has(box.value); });
    state.entities = finding.entities.map((e) => ({ ...e }));
    state.entityText = findingText(finding);
    drawEntities();
  }

  function drawEntities() {
    const pre = $("#entity-text");
    pre.textContent = state.entityText || "";
    const list = $("#entity-list");
    list.textContent = "";
    state.entities.forEach((entity, index) => {
      const item = document.createElement("li");
      item.textContent = entity.label + ": " + entity.text + " ";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.title = "Remove this entity";
      remove.addEventListener("click", () => { state.entities.splice(index, 1); drawEntities(); });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function openEditor() {
    const finding = state.record.findings[state.selected];
    if (!finding || !data.editable) return;
    state.mode = "edit";
    $("#form-title").textContent = "Edit finding #" + ordinal(finding);
    $("#form-where").textContent = "page " + finding.provenance.page;
    $("#delete-finding").hidden = false;
    fill(finding);
    form.hidden = false;
    form.scrollIntoView({ block: "start", behavior: "instant" });
    form.elements.description.focus();
  }

  async function openNewFinding(page, bbox) {
    if (!data.editable) return;
    state.mode = "new";
    state.draftBox = { page: page, bbox: bbox };
    $("#form-title").textContent = "New finding";
    $("#form-where").textContent = "page " + page + ", box drawn";
    $("#delete-finding").hidden = true;
    fill({ kind: "non_compliance", description: "", evidence: null, ilo_indicators: [],
      entities: [], severity: null });
    form.hidden = false;
    form.scrollIntoView({ block: "start", behavior: "instant" });
    const query = new URLSearchParams({
      page: String(page), x0: bbox[0].toFixed(2), top: bbox[1].toFixed(2),
      x1: bbox[2].toFixed(2), bottom: bbox[3].toFixed(2),
    });
    form.elements.description.placeholder = "reading the text under the box…";
    try {
      const response = await fetch(data.api + "/text?" + query, { credentials: "same-origin" });
      const found = await response.json();
      if (response.ok && state.mode === "new" && !form.elements.description.value) {
        form.elements.description.value = found.text;
        refreshNewText();
        notify("Text under the box read from the " + found.source + ".");
      }
    } finally {
      form.elements.description.placeholder = "";
    }
    form.elements.description.focus();
  }

  // A new finding's entities are marked on the text being typed: keep them on their words.
  function refreshNewText() {
    if (state.mode !== "new") return;
    const text = findingText({
      description: form.elements.description.value.trim(),
      evidence: form.elements.evidence.value.trim() || null,
    });
    state.entities = state.entities
      .map((e) => {
        let best = -1;
        for (let at = text.indexOf(e.text); at !== -1; at = text.indexOf(e.text, at + 1)) {
          if (best === -1 || Math.abs(at - e.start) < Math.abs(best - e.start)) best = at;
        }
        return best === -1 ? null : { ...e, start: best, end: best + e.text.length };
      })
      .filter(Boolean);
    state.entityText = text;
    drawEntities();
  }

  function closeEditor() {
    form.hidden = true;
    state.mode = null;
    state.draftBox = null;
    $$(".drawing").forEach((d) => d.remove());
  }

  function formFields() {
    const value = (name) => form.elements[name].value.trim();
    return {
      kind: value("kind"),
      clause: value("clause") || null,
      topic: value("topic") || null,
      title: value("title") || null,
      description: form.elements.description.value.trim(),
      evidence: form.elements.evidence.value.trim() || null,
      severity: value("severity") || null,
      severity_raw: value("severity_raw") || null,
      corrective_action: form.elements.corrective_action.value.trim() || null,
      due: value("due") || null,
      ilo_codes: $$('input[name="ilo"]:checked', form).map((box) => box.value),
      entities: state.entities.map((e) => ({ label: e.label, start: e.start, end: e.end, text: e.text })),
    };
  }

  async function saveFinding(event) {
    event.preventDefault();
    const fields = formFields();
    let answer;
    if (state.mode === "new") {
      // Entities of a new finding are marked on the text being created.
      answer = await send("/findings", { ...fields, page: state.draftBox.page, bbox: state.draftBox.bbox });
    } else {
      const finding = state.record.findings[state.selected];
      answer = await send("/findings/" + encodeURIComponent(finding.finding_id), fields);
    }
    state.record = answer.record;
    const index = state.record.findings.findIndex((f) => f.finding_id === answer.target);
    closeEditor();
    select(index, false);
    notify("Saved finding #" + ordinal(state.record.findings[index]) +
      (answer.notes.length ? " — " + answer.notes.join("; ") : "") + ".");
  }

  async function deleteSelected() {
    const finding = state.record.findings[state.selected];
    if (!finding || !data.editable) return;
    const answer = await send("/findings/" + encodeURIComponent(finding.finding_id) + "/delete");
    state.record = answer.record;
    closeEditor();
    redraw();
    notify("Deleted finding #" + ordinal(finding) + " (kept in the history).");
  }

  function markSelection() {
    const pre = $("#entity-text");
    const selection = window.getSelection();
    if (!selection.rangeCount) return notify("Select words in the text first.", true);
    const range = selection.getRangeAt(0);
    if (!pre.contains(range.startContainer) || !pre.contains(range.endContainer)) {
      return notify("Select words inside the finding's text.", true);
    }
    const before = document.createRange();
    before.selectNodeContents(pre);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let end = start + range.toString().length;
    const text = state.entityText;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) return notify("Select words inside the finding's text.", true);
    state.entities.push({ label: $("#entity-label").value, start: start, end: end, text: text.slice(start, end) });
    state.entities.sort((a, b) => a.start - b.start);
    selection.removeAllRanges();
    drawEntities();
  }

  // --- drawing a box to add a finding ----------------------------------------------------------

  function enableDrawing() {
    $$(".page").forEach((pageDiv) => {
      pageDiv.addEventListener("mousedown", (event) => {
        if (event.button !== 0 || !data.editable) return;
        event.preventDefault();
        const rect = pageDiv.getBoundingClientRect();
        const startX = event.clientX - rect.left;
        const startY = event.clientY - rect.top;
        const rubber = document.createElement("div");
        rubber.className = "drawing";
        pageDiv.querySelector(".overlay").appendChild(rubber);
        const move = (e) => {
          const x = Math.min(Math.max(e.clientX - rect.left, 0), rect.width);
          const y = Math.min(Math.max(e.clientY - rect.top, 0), rect.height);
          rubber.style.left = Math.min(x, startX) + "px";
          rubber.style.top = Math.min(y, startY) + "px";
          rubber.style.width = Math.abs(x - startX) + "px";
          rubber.style.height = Math.abs(y - startY) + "px";
        };
        const up = (e) => {
          document.removeEventListener("mousemove", move);
          document.removeEventListener("mouseup", up);
          const x = Math.min(Math.max(e.clientX - rect.left, 0), rect.width);
          const y = Math.min(Math.max(e.clientY - rect.top, 0), rect.height);
          if (Math.abs(x - startX) < MIN_DRAG_PX || Math.abs(y - startY) < MIN_DRAG_PX) {
            rubber.remove();
            return;
          }
          const size = data.pages[Number(pageDiv.dataset.page) - 1];
          const toX = (px) => Math.round((100 * px * size.width) / rect.width) / 100;
          const toY = (px) => Math.round((100 * px * size.height) / rect.height) / 100;
          const bbox = [toX(Math.min(x, startX)), toY(Math.min(y, startY)),
            toX(Math.max(x, startX)), toY(Math.max(y, startY))];
          $$(".drawing").forEach((d) => { if (d !== rubber) d.remove(); });
          openNewFinding(Number(pageDiv.dataset.page), bbox);
        };
        document.addEventListener("mousemove", move);
        document.addEventListener("mouseup", up);
      });
    });
  }

  // --- metadata and accept ---------------------------------------------------------------------

  function fillMetadata() {
    const metadataForm = $("#metadata-form");
    Object.entries(state.record.audit).forEach(([name, value]) => {
      if (metadataForm.elements[name]) metadataForm.elements[name].value = value == null ? "" : value;
    });
  }

  async function saveMetadata(event) {
    event.preventDefault();
    const metadataForm = $("#metadata-form");
    const body = {};
    Object.keys(state.record.audit).forEach((name) => {
      const raw = metadataForm.elements[name].value.trim();
      body[name] = raw === "" ? null : name === "workers_total" ? Number(raw) : raw;
    });
    const answer = await send("/metadata", body);
    state.record = answer.record;
    fillMetadata();
    notify("Saved the audit metadata.");
  }

  async function accept() {
    if (!data.editable) return;
    const outcome = await send("/accept");
    data.editable = false;
    closeEditor();
    $("#accept").disabled = true;
    $('[data-testid="review-status"]').textContent = "accepted";
    notify("Accepted. " + outcome.training_note);
  }

  // --- keyboard --------------------------------------------------------------------------------

  function toggleHelp(show) {
    $("#help").hidden = show === undefined ? !$("#help").hidden : !show;
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (event.key === "Escape") {
      toggleHelp(false);
      closeEditor();
      return;
    }
    if (["input", "textarea", "select"].includes(tag)) return;
    const actions = {
      j: () => select(Math.min(state.selected + 1, state.record.findings.length - 1), true),
      k: () => select(Math.max(state.selected - 1, 0), true),
      e: () => openEditor(),
      d: () => deleteSelected(),
      a: () => accept(),
      "?": () => toggleHelp(),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  // --- start -----------------------------------------------------------------------------------

  buildIloBoxes();
  drawPages();
  redraw();
  fillMetadata();
  enableDrawing();
  form.addEventListener("submit", (e) => saveFinding(e).catch(() => {}));
  $("#cancel-edit").addEventListener("click", closeEditor);
  form.elements.description.addEventListener("input", refreshNewText);
  form.elements.evidence.addEventListener("input", refreshNewText);
  $("#delete-finding").addEventListener("click", () => deleteSelected().catch(() => {}));
  $("#add-entity").addEventListener("click", markSelection);
  $("#metadata-form").addEventListener("submit", (e) => saveMetadata(e).catch(() => {}));
  $("#accept").addEventListener("click", () => accept().catch(() => {}));
  $("#help-button").addEventListener("click", () => toggleHelp());
  $("#close-help").addEventListener("click", () => toggleHelp(false));
  document.addEventListener("keydown", onKey);
  if (!data.editable) {
    $("#metadata-form").querySelectorAll("input, select, button").forEach((el) => { el.disabled = true; });
  }
  document.body.dataset.ready = "true";
})();
