/* The fact-check change form's workflow panel.
 *
 * Live checklist: whenever the form changes, post it (without files) to the
 * panel's checklist URL, which judges the unsaved form by the same house
 * rules as the workflow, and show the list it returns, with the published
 * fact-checks most like the claims typed so far ("Already checked?").
 * Without JavaScript the panel shows both for the saved article.
 *
 * Unsaved changes: the panel's buttons act on the saved article, so pressing
 * one (or leaving the page) with changes typed but not saved asks first,
 * rather than silently dropping them.
 *
 * Copy button: puts a freshly made preview link on the clipboard.
 */
"use strict";
(function () {
  const translate = window.gettext || ((text) => text);

  // Review comments placed beside the fields (admin_comments.js) are inside
  // the article's form but belong to forms of their own.
  const ownInput = (form, event) => !event.target.form || event.target.form === form;

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
          const matches = document.querySelector(".already-checked");
          if (matches && report.already_checked !== null) {
            matches.innerHTML = report.already_checked;
          }
        })
        // On a network error the last list stays; saving shows the truth.
        .catch(() => {})
        .finally(() => box.removeAttribute("aria-busy"));
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    }

    form.addEventListener("input", (event) => {
      if (ownInput(form, event)) {
        schedule();
      }
    });
    // The admin's autocomplete widgets announce changes through jQuery only.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("change", schedule);
    } else {
      form.addEventListener("change", schedule);
    }
    document.addEventListener("formset:added", schedule);
    document.addEventListener("formset:removed", schedule);
    // A form sent back with errors holds unsaved input the saved list ignores.
    if (document.querySelector(".errornote")) {
      refresh();
    }
  }

  function unsavedChangesGuard() {
    const form = document.getElementById("factcheck_form");
    const panel = document.querySelector(".workflow-panel");
    if (!form || !panel) {
      return;
    }
    let dirty = false;
    // Set once the page is left on purpose: by saving, or by going on without.
    let leaving = false;
    const markDirty = () => {
      dirty = true;
    };
    // Only what a person does counts: widgets setting themselves up on load
    // fire synthetic events too. A reply typed beside a field belongs to a
    // review comment's own form, not to the article.
    const markDirtyIfTrusted = (event) => {
      if (event.isTrusted && ownInput(form, event)) {
        markDirty();
      }
    };
    form.addEventListener("input", markDirtyIfTrusted);
    form.addEventListener("change", markDirtyIfTrusted);
    if (window.django && window.django.jQuery) {
      // The autocomplete widgets report a person's choice only this way.
      window.django.jQuery(form).on("select2:select select2:unselect", markDirty);
    }
    document.addEventListener("formset:added", markDirty);
    document.addEventListener("formset:removed", markDirty);
    form.addEventListener("submit", () => {
      leaving = true;
    });
    // A form sent back with errors holds what was typed, not what is saved.
    if (document.querySelector(".errornote")) {
      markDirty();
    }
    // The calendar's shortcuts ("Today", "Now") set dates by script, with no
    // event; a date or time field that differs from the page as sent counts.
    const datesChanged = () =>
      Array.from(form.querySelectorAll("input.vDateField, input.vTimeField")).some(
        (input) => input.value !== input.defaultValue
      );
    const unsaved = () => !leaving && (dirty || datesChanged());
    panel.addEventListener("submit", (event) => {
      if (!unsaved()) {
        return;
      }
      const question = translate(
        "You have changes that are not saved, and this acts on the saved " +
          "fact-check: your changes would be lost. Press Cancel, then Save, " +
          "to keep them. Go on without them?"
      );
      if (window.confirm(question)) {
        leaving = true;
      } else {
        event.preventDefault();
      }
    });
    window.addEventListener("beforeunload", (event) => {
      if (unsaved()) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
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
    unsavedChangesGuard();
    copyButtons();
  });
})();
