// The live symposium's screens: console, phone and big screen share this file.
// The server holds the truth and pushes the whole state on every change (and on connect),
// so a reload or a dropped connection is repaired by the next message; the countdown runs
// locally from the server's remaining time at the moment the message was made.
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root) return;
  var id = root.getAttribute("data-symposium");
  var mode = root.getAttribute("data-mode");
  var me = parseInt(root.getAttribute("data-person") || "0", 10);
  var csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";
  var state = null, receivedAt = 0, retry = 0, socket = null;
  var SPEECH_NAMES = { keynote: "中心发言", bookedSpeech: "预约发言", freeSpeech: "自由发言" };

  function $(sel) { return root.querySelector(sel); }
  function text(sel, value) { var el = $(sel); if (el) el.textContent = value; }
  function clock(seconds) {
    var s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  // The warning threshold is the Regulation's (speakingWarningSeconds), sent with every state.
  function warningText(seconds) {
    return seconds % 60 === 0 ? seconds / 60 + "分钟" : seconds + "秒";
  }
  function status(message, ok) {
    var el = $("#live-status");
    if (!el) return;
    el.textContent = message;
    el.className = ok ? "live-status ok" : "live-status lost";
  }
  function esc(s) { var d = document.createElement("span"); d.textContent = s == null ? "" : String(s); return d.innerHTML; }
  function who(p) { return esc(p.name) + (p.unit ? ' <span class="unit">' + esc(p.unit) + "</span>" : ""); }

  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/v1/symposia/" + id + "/live/ws";
    socket = new WebSocket(url);
    socket.onopen = function () { retry = 0; status("已连接", true); };
    socket.onmessage = function (e) {
      var m = JSON.parse(e.data);
      // A message older than the one shown (possible across a reconnect) changes nothing.
      if (state && m.view.sequence < state.view.sequence) return;
      state = m;
      receivedAt = performance.now();
      render();
    };
    socket.onclose = function () {
      status("连接中断，正在重新连接…", false);
      retry += 1;
      setTimeout(connect, Math.min(5000, 300 * retry));
    };
  }

  // Seconds of the current speech at this instant, pauses excluded.
  function timing() {
    var c = state && state.view.current;
    if (!c) return null;
    var since = c.paused ? 0 : (performance.now() - receivedAt) / 1000;
    var elapsed = c.elapsedSeconds + since;
    var limit = c.limitSeconds;
    return {
      elapsed: elapsed,
      remaining: limit == null ? null : Math.max(0, limit - elapsed),
      overrun: limit == null ? 0 : Math.max(0, elapsed - limit),
      warning: limit != null && limit - elapsed <= state.warningSeconds
    };
  }

  function tick() {
    var t = timing();
    var box = $("#countdown");
    if (!box) return;
    if (!t) { box.textContent = "--:--"; box.className = "countdown idle"; text("#overrun", ""); text("#elapsed", ""); return; }
    box.textContent = t.remaining == null ? clock(t.elapsed) : clock(t.remaining);
    box.className = "countdown" + (t.overrun > 0 ? " overrun" : t.warning ? " warning" : "") + (state.view.current.paused ? " paused" : "");
    text("#overrun", t.overrun > 0 ? "已超时 " + clock(t.overrun) : (t.warning ? "剩余不足" + warningText(state.warningSeconds) : ""));
    text("#elapsed", "已用时 " + clock(t.elapsed));
  }

  function render() {
    var v = state.view;
    // The state shown, for whoever checks that every screen has the same one (tests).
    root.setAttribute("data-sequence", String(v.sequence));
    text("#phase", v.rehearsal ? "演练中" : state.phaseName);
    // A rehearsal is unmistakable on every screen: nothing of it is kept.
    show($("#rehearsal"), !!v.rehearsal);
    root.classList.toggle("rehearsing", !!v.rehearsal);
    text("#segment", v.segment ? v.segment.title + (v.segment.minutesPerSpeech ? "（每人不超过" + v.segment.minutesPerSpeech + "分钟）" : "") : (v.phase === "ended" ? "会议已结束" : "会议尚未开始"));
    text("#next-segment", v.nextSegmentTitle ? "下一环节：" + v.nextSegmentTitle : "");
    var cur = $("#current");
    if (cur) cur.innerHTML = v.current ? who(v.current) + (v.current.subject ? '<span class="subject">' + esc(v.current.subject) + "</span>" : "") + (v.current.paused ? '<span class="paused-tag">暂停中</span>' : "") : '<span class="muted">暂无发言</span>';
    list("#upcoming", v.upcoming, function (p) { return who(p); });
    list("#queue", v.queue, function (r) {
      var btn = mode === "console" && !v.current ? ' <button type="button" data-speak="' + r.personID + '">请发言</button>' : "";
      return who(r) + btn;
    });
    list("#not-yet", v.notYetSpoken, function (p) { return esc(p.name); });
    list("#agenda", state.agenda, function (s) {
      return (s.current ? "▶ " : "") + esc(s.title) + (s.minutesPerSpeech ? "（≤" + s.minutesPerSpeech + "分钟）" : "") +
        (s.speakers.length ? '<span class="muted">：' + s.speakers.map(function (p) { return esc(p.name); }).join("、") + "</span>" : "");
    }, function (s) { return s.current ? "current" : ""; });
    list("#speeches", state.speeches.slice().reverse(), function (s) {
      // A speech under way has no duration yet (the one sent is already stale): the countdown shows it.
      return esc(s.name) + ' <span class="muted">' + esc(s.segmentTitle) + " " + (s.underWay ? "发言中" : clock(s.durationSeconds) +
        (s.overrunSeconds >= 1 ? "（超时" + clock(s.overrunSeconds) + "）" : "")) + "</span>";
    });
    // The big screen shows what comes next only when something does.
    if (mode === "screen") show($("#next-up"), v.upcoming.length + v.queue.length > 0);
    if (mode === "console") renderConsole(v);
    if (mode === "phone") renderPhone(v);
    tick();
  }

  function list(sel, items, line, cls) {
    var el = $(sel);
    if (!el) return;
    el.innerHTML = items.length ? items.map(function (x) { return '<li class="' + (cls ? cls(x) : "") + '">' + line(x) + "</li>"; }).join("") :
      (mode === "screen" ? "" : '<li class="muted">无</li>');
  }

  function renderConsole(v) {
    var running = v.phase === "running", speaking = !!v.current;
    enable("start", v.phase === "notStarted");
    enable("rehearse", v.phase === "notStarted");
    show(root.querySelector('[data-action="rehearse"]'), v.phase === "notStarted");
    show(root.querySelector('[data-action="end-rehearsal"]'), !!v.rehearsal);
    enable("end-rehearsal", !!v.rehearsal);
    show(root.querySelector('[data-action="end"]'), !v.rehearsal);
    enable("next", running && !speaking);
    enable("pause", speaking && !v.current.paused);
    enable("resume", speaking && v.current.paused);
    enable("end-speech", speaking);
    enable("advance", running && v.nextSegmentTitle != null);
    enable("end", running && !v.rehearsal);
    var select = $("#speaker");
    if (select) {
      var chosen = select.value;
      select.innerHTML = state.attendees.map(function (p) {
        return '<option value="' + p.personID + '">' + esc(p.name) + (p.unit ? "（" + esc(p.unit) + "）" : "") + "</option>";
      }).join("");
      if (chosen) select.value = chosen;
    }
    var questions = $("#responds-to");
    if (questions) {
      var asked = state.speeches.filter(function (s) { return ["keynote", "bookedSpeech", "freeSpeech"].indexOf(s.segment) >= 0; });
      var ticked = Array.prototype.map.call(questions.querySelectorAll("input:checked"), function (i) { return i.value; });
      var answered = {};
      state.speeches.forEach(function (s) { (s.respondsTo || []).forEach(function (q) { answered[q] = true; }); });
      // The kind of speech tells apart two speeches of one person (a booked and a free one).
      questions.innerHTML = asked.length ? asked.map(function (s) {
        return '<label class="check"><input type="checkbox" value="' + s.id + '"' + (ticked.indexOf(String(s.id)) >= 0 ? " checked" : "") + "> " +
          esc(s.name) + "（" + esc(SPEECH_NAMES[s.segment] || s.segmentTitle) + "）" + (answered[s.id] ? '<span class="muted">已回应</span>' : "") + "</label>";
      }).join("") : '<span class="muted">尚无可回应的发言</span>';
      questions.parentNode.hidden = !(v.segment && v.segment.kind === "response");
    }
  }

  function renderPhone(v) {
    var mine = v.queue.findIndex(function (r) { return r.personID === me; });
    var ask = $("#request"), drop = $("#withdraw");
    var spoke = state.speeches.some(function (s) { return s.personID === me; });
    show(ask, mine < 0 && v.phase !== "ended");
    show(drop, mine >= 0);
    text("#my-turn", mine >= 0 ? "您已申请发言，排在第" + (mine + 1) + "位。" : (spoke ? "您已发言，谢谢。" : ""));
  }

  // `hidden` alone does not hide a button: the stylesheet's `button { display: inline-block }` wins.
  function show(el, on) {
    if (!el) return;
    el.hidden = !on;
    el.style.display = on ? "" : "none";
  }

  function enable(action, on) {
    var b = root.querySelector('[data-action="' + action + '"]');
    if (b) b.disabled = !on;
  }

  function post(path, body, method) {
    // A new action's answer replaces the last one's refusal.
    text("#live-error", "");
    return fetch("/api/v1/symposia/" + id + "/live" + path, {
      method: method || "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body ? JSON.stringify(body) : "{}"
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error ? j.error.message : "操作失败");
        text("#live-error", "");
        return j;
      });
    }).catch(function (e) { text("#live-error", e.message); });
  }

  root.addEventListener("click", function (e) {
    var t = e.target;
    if (t.getAttribute("data-action")) {
      // Irreversible controls (结束会议) ask first.
      var question = t.getAttribute("data-confirm");
      if (question && !window.confirm(question)) return;
      post("/" + t.getAttribute("data-action"));
    }
    else if (t.getAttribute("data-speak")) { post("/speeches", { personID: parseInt(t.getAttribute("data-speak"), 10) }); }
    else if (t.id === "start-speaker") {
      // The questions ticked count only for a department's response (三(三).5), and only once.
      var responding = !!(state && state.view.segment && state.view.segment.kind === "response");
      var boxes = responding ? root.querySelectorAll("#responds-to input:checked") : [];
      var ticked = Array.prototype.map.call(boxes, function (i) { return parseInt(i.value, 10); });
      post("/speeches", { personID: parseInt($("#speaker").value, 10), respondsTo: ticked }).then(function (j) {
        if (j) Array.prototype.forEach.call(root.querySelectorAll("#responds-to input:checked"), function (i) { i.checked = false; });
      });
    }
    else if (t.id === "add-request") { post("/requests", { personID: parseInt($("#speaker").value, 10) }); }
    else if (t.id === "request") { e.preventDefault(); post("/requests", {}); }
    else if (t.id === "withdraw") { post("/requests/" + me, null, "DELETE"); }
  });

  setInterval(tick, 250);
  connect();
})();
