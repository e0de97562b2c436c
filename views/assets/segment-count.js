// Live count under the segment form: asks the server for the numbers after each change.
(() => {
  const form = document.getElementById('segment-form');
  const out = document.getElementById('segment-count');
  if (!form || !out) return;
  let timer = null;
  const update = async () => {
    const params = new URLSearchParams(new FormData(form));
    params.delete('_csrf');
    const res = await fetch(form.dataset.countUrl + '?' + params.toString(), { headers: { accept: 'application/json' } });
    if (!res.ok) { out.textContent = '条件を確認してください'; return; }
    const c = await res.json();
    out.textContent = `該当 ${c.total}人（郵送で届く ${c.post}人・メールで届く ${c.email}人）`;
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(update, 250); };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
