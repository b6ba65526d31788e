// The dashboard's working-day calculator: asks the public calendar endpoint and shows the
// answer (or its Chinese error) in place, without leaving the page.
(function () {
  var form = document.getElementById('wd-form');
  if (!form) return;
  var from = document.getElementById('wd-from');
  var days = document.getElementById('wd-days');
  var out = document.getElementById('wd-result');
  if (!from.value) {
    var now = new Date(Date.now() + 8 * 3600 * 1000); // China Standard Time
    from.value = now.toISOString().slice(0, 10);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    out.className = '';
    out.textContent = '计算中…';
    var url = form.getAttribute('action') + '?from=' + encodeURIComponent(from.value) +
      '&days=' + encodeURIComponent(days.value);
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
      .then(function (r) {
        if (r.ok) {
          var d = r.body.date.split('-');
          out.textContent = from.value + ' 之后第 ' + days.value + ' 个工作日是 ' + r.body.date +
            '（' + Number(d[0]) + '年' + Number(d[1]) + '月' + Number(d[2]) + '日）';
        } else {
          out.className = 'error';
          out.textContent = (r.body.error && r.body.error.message) || '计算失败';
        }
      })
      .catch(function () { out.className = 'error'; out.textContent = '网络错误，请稍后重试'; });
  });
})();
