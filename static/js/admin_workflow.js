/* The fact-check change form's workflow panel.
 *
 * Live checklist: whenever the form changes, post it (without files) to the
 * panel's checklist URL, which judges the unsaved form by the same house
 * rules as the workflow, and show the list it returns. Without JavaScript
 * the panel still shows the checklist for the saved article.
 *
 * Copy button: puts a freshly made preview link on the clipboard.
 */
"use strict";
(function () {
  const translate = window.gettext || ((text) => text);

  function liveChecklist() {
    const box = document.querySelector(".gate-checklist[data-checklist-url]");
    const form = document.getElementById("factcheck_form");
    if (!box || !form) {
      return;
    }
    let timer = null;
    let pending = null;

    function refresh() {
      const data = new FormData(form);
      for (const [name, value] of Array.from(data.entries())) {
        if (value instanceof File) {
          data.delete(name);
        }
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      box.setAttribute("aria-busy", "true");
      fetch(box.dataset.checklistUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: pending.signal,
      })
        .then((response) => (response.ok ? response.json() : Promise.reject(response)))
        .then((report) => {
          box.innerHTML = report.html;
        })
        // On a network error the last list stays; saving shows the truth.
        .catch(() => {})
        .finally(() => box.removeAttribute("aria-busy"));
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    }

    form.addEventListener("input", schedule);
    // The admin's autocomplete widgets announce changes through jQuery only.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("change", schedule);
    } else {
      form.addEventListener("change", schedule);
    }
    document.addEventListener("formset:added", schedule);
    document.addEventListener("formset:removed", schedule);
  }

  function copyButtons() {
    document.addEventListener("click", (event) => {
      const button = event.target.closest("[data-copy-preview-link]");
      if (!button) {
        return;
      }
      const input = button.parentElement.querySelector(".preview-link");
      input.select();
      const done = () => {
        button.textContent = translate("Copied");
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(done, () => {});
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    liveChecklist();
    copyButtons();
  });
})();
