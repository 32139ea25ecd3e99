// The self-check page of reportlint serve: sends the chosen or dropped
// files to /api/view, shows the results the server rendered (the same
// renderer as the batch summary page) and offers them as downloads.
(function () {
  "use strict";
  var limits = { max_size: 0, max_files: 50 };
  var input = document.getElementById("file");
  var drop = document.getElementById("drop");
  var status = document.getElementById("status");
  var tools = document.getElementById("tools");
  var out = document.getElementById("out");
  var last = null; // {files, check}

  function mb(n) { return (n / 1048576).toFixed(n % 1048576 ? 1 : 0) + " MB"; }

  fetch("/healthz").then(function (r) { return r.json(); }).then(function (j) {
    limits = j;
    document.getElementById("limits").textContent =
      "单个文件不超过 " + mb(j.max_size) + "，一次最多 " + j.max_files + " 个文件";
  }).catch(function () {});

  function say(text, cls) {
    status.className = "status" + (cls ? " " + cls : "");
    status.textContent = text;
  }
  function note(text) {
    var s = document.createElement("span");
    s.className = "warn";
    s.textContent = text;
    status.appendChild(s);
  }

  // post sends the files to url and resolves with the response, or rejects
  // with the server's Chinese message.
  function post(url, files) {
    var form = new FormData();
    files.forEach(function (f) { form.append("file", f, f.name); });
    return fetch(url, { method: "POST", body: form }).then(function (r) {
      if (r.ok) return r;
      return r.json().catch(function () { return {}; }).then(function (j) {
        throw new Error(j.error || "服务器返回错误 " + r.status);
      });
    }, function () {
      throw new Error("无法连接检查服务（可能已停止，或文件太大被拒绝）。请确认 reportlint serve 仍在运行后重试。");
    });
  }

  function run(list) {
    var files = Array.prototype.slice.call(list || []);
    if (!files.length) return;
    var skipped = [];
    if (limits.max_size) {
      files = files.filter(function (f) {
        if (f.size > limits.max_size) { skipped.push(f.name); return false; }
        return true;
      });
    }
    if (files.length > limits.max_files) {
      say("一次最多检查 " + limits.max_files + " 个文件，这次选了 " + files.length + " 个，请分批检查。", "err");
      return;
    }
    if (!files.length) {
      say("文件超过大小上限 " + mb(limits.max_size) + "，没有检查：" + skipped.join("、"), "err");
      return;
    }
    say("正在检查 " + files.length + " 个文件……", "busy");
    tools.hidden = true;
    out.replaceChildren(); // no old results beside the new status
    post("/api/view", files).then(function (r) { return r.json(); }).then(function (j) {
      last = { files: files, check: j.check };
      var div = document.createElement("div");
      div.innerHTML = j.html; // rendered by the server's html/template: escaped
      out.replaceChildren(div);
      window.reportlintInit(div);
      var s = j.check.summary;
      say("检查完成：" + s.files + " 个文件，" + s.error + " 个错误、" + s.warning + " 个警告、" + s.info + " 个提示。" +
        (s.error + s.warning + s.info ? "点击右侧的问题可跳到对应的单元格。" : ""), "");
      if (skipped.length) note("以下文件超过大小上限 " + mb(limits.max_size) + "，没有检查：" + skipped.join("、"));
      tools.hidden = false;
    }).catch(function (e) {
      say(e.message, "err");
    });
  }

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  tools.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-download]");
    if (!b || !last) return;
    var kind = b.getAttribute("data-download");
    if (kind === "json") {
      save(new Blob([JSON.stringify(last.check, null, 2)], { type: "application/json" }), "reportlint-检查结果.json");
      return;
    }
    b.disabled = true;
    post("/api/check?format=" + kind, last.files).then(function (r) { return r.blob(); }).then(function (blob) {
      save(blob, "reportlint-检查结果." + kind);
    }).catch(function (e) { say(e.message, "err"); }).then(function () { b.disabled = false; });
  });

  input.addEventListener("change", function () { run(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (ev) { ev.preventDefault(); run(ev.dataTransfer.files); });
  // A file dropped beside the box must not replace the page.
  window.addEventListener("dragover", function (ev) { ev.preventDefault(); });
  window.addEventListener("drop", function (ev) { ev.preventDefault(); });
})();
