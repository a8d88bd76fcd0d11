/* Who else has this fact-check open (factcheck.presence).
 *
 * Every few seconds the open change form tells the desk it is still open,
 * whether it holds unsaved changes, and which version of the article it was
 * opened on. The answer fills the presence line ("Also open: Dana, editing")
 * and, once someone has saved the article since, a warning that stays until
 * the page is reloaded: typing on would be typing over a version that is gone.
 * Closing the page ends the session at once (sendBeacon); a session that
 * stops calling ages out on the server anyway.
 */
"use strict";
(function () {
  const translate = window.gettext || ((text) => text);
  const interpolate =
    window.interpolate ||
    ((text, values) => text.replace(/%\((\w+)\)s/g, (match, key) => values[key]));

  function presence() {
    const box = document.querySelector(".presence[data-presence-url]");
    const form = document.getElementById("factcheck_form");
    if (!box || !form || !form.elements.version) {
      return;
    }
    const others = box.querySelector(".presence__others");
    const saved = box.querySelector(".presence__saved");
    const version = form.elements.version.value;
    let editing = false;
    form.addEventListener("input", (event) => {
      editing = editing || event.isTrusted;
    });
    form.addEventListener("submit", () => {
      editing = false;
    });

    function payload(extra) {
      const data = new FormData();
      data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
      data.append("version", version);
      data.append("editing", editing ? "1" : "0");
      for (const [name, value] of Object.entries(extra || {})) {
        data.append(name, value);
      }
      return data;
    }

    function describe(person) {
      return person.editing
        ? interpolate(translate("%(name)s (editing)"), { name: person.name }, true)
        : person.name;
    }

    function show(answer) {
      if (answer.others.length) {
        others.textContent = interpolate(
          translate("Also open: %(people)s."),
          { people: answer.others.map(describe).join(", ") },
          true
        );
        others.hidden = false;
      } else {
        others.textContent = "";
        others.hidden = true;
      }
      if (answer.saved) {
        const at = new Date(answer.saved.at).toLocaleTimeString([], {
          hour: "2-digit",
          minute: "2-digit",
        });
        saved.textContent = answer.saved.mine
          ? interpolate(
              translate(
                "You saved this fact-check in another window at %(at)s. " +
                  "Saving here merges with that save; where both changed " +
                  "the same thing, you choose which to keep."
              ),
              { at: at },
              true
            )
          : interpolate(
              translate(
                "%(name)s saved this fact-check at %(at)s, after you opened it. " +
                  "Saving now merges your changes with theirs; where you both " +
                  "changed the same thing, you choose which to keep."
              ),
              { name: answer.saved.by, at: at },
              true
            );
        saved.hidden = false;
      }
      box.hidden = others.hidden && saved.hidden;
    }

    function poll() {
      fetch(box.dataset.presenceUrl, {
        method: "POST",
        body: payload(),
        credentials: "same-origin",
      })
        .then((response) => (response.ok ? response.json() : Promise.reject(response)))
        .then(show)
        // Offline for a moment: the line keeps what it last said.
        .catch(() => {});
    }

    poll();
    window.setInterval(poll, Number(box.dataset.pollSeconds) * 1000);
    window.addEventListener("pagehide", () => {
      if (navigator.sendBeacon) {
        navigator.sendBeacon(box.dataset.presenceUrl, payload({ leaving: "1" }));
      }
    });
  }

  document.addEventListener("DOMContentLoaded", presence);
})();
