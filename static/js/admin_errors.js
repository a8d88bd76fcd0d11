// The error summary at the top of the fact-check form (factcheck/admin/errors.py):
// a link takes the keyboard there too, not only the view, so a journalist can
// type the correction at once. A field the rich-text editor hides hands the
// focus to the editor beside it.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".error-summary a[href^='#']");
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  for (let section = target.closest("details"); section; section = section.parentElement.closest("details")) {
    section.open = true;
  }
  const fields = "input:not([type=hidden]), select, textarea, [contenteditable=true]";
  let focus = target.matches(fields) ? target : target.querySelector(fields);
  if (focus && focus.offsetParent === null) {
    focus = focus.parentElement.querySelector("[contenteditable=true]") || focus;
  }
  history.replaceState(null, "", link.hash);
  target.scrollIntoView({ block: "center" });
  if (focus) focus.focus({ preventScroll: true });
});
