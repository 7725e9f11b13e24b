/* kzai assessment wizard: save each answer as it is given, show the questions it opens.
 *
 * Progressive enhancement: without this file the section form's "save" buttons do the same.
 * Each change is sent to the API (PUT /api/v1/assessments/{id}/answers/, session + CSRF);
 * the response says which questions are asked now, so dependent questions appear or hide
 * at once (a hidden question's fieldset is also disabled, so the form never submits it).
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var url = form.getAttribute("data-autosave");
  var status = form.querySelector(".autosave-status");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var timers = {};
  var queue = Promise.resolve();

  function say(text) {
    if (status) status.textContent = text;
  }

  function valueOf(fieldset) {
    var kind = fieldset.getAttribute("data-kind");
    if (kind === "multiple") {
      return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (input) {
        return input.value;
      });
    }
    if (kind === "yes_no" || kind === "single") {
      var checked = fieldset.querySelector("input:checked");
      if (!checked) return null;
      return kind === "yes_no" ? checked.value === "true" : checked.value;
    }
    var input = fieldset.querySelector("input, textarea");
    var raw = input ? input.value.trim() : "";
    if (raw === "") return null;
    if (kind === "number") {
      var number = Number(raw.replace(",", "."));
      return isFinite(number) ? number : raw;
    }
    return raw;
  }

  function showErrors(fieldset, message) {
    var box = fieldset.querySelector(".autosave-error");
    if (!box) return;
    box.textContent = message || "";
    box.hidden = !message;
  }

  function applyVisibility(visible) {
    var asked = {};
    visible.forEach(function (code) {
      asked[code] = true;
    });
    form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
      var shown = !!asked[fieldset.getAttribute("data-question")];
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
  }

  function save(fieldset) {
    var code = fieldset.getAttribute("data-question");
    var body = {};
    body[code] = valueOf(fieldset);
    say(form.getAttribute("data-saving-text"));
    queue = queue.then(function () {
      return fetch(url, {
        method: "PUT",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": token,
        },
        body: JSON.stringify(body),
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (result) {
          if (result.ok) {
            showErrors(fieldset, "");
            applyVisibility(result.data.visible || []);
            say(form.getAttribute("data-saved-text"));
          } else {
            var errors = (result.data.errors || {})[code];
            showErrors(fieldset, errors ? errors.join(" ") : result.data.detail);
            say(form.getAttribute("data-error-text"));
          }
        })
        .catch(function () {
          say(form.getAttribute("data-offline-text"));
        });
    });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset) save(fieldset);
  });
  // Text is saved a moment after typing stops, so closing the tab loses nothing.
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset || event.target.type === "radio" || event.target.type === "checkbox") return;
    var code = fieldset.getAttribute("data-question");
    clearTimeout(timers[code]);
    timers[code] = setTimeout(function () {
      save(fieldset);
    }, 600);
  });
  form.setAttribute("data-autosave-ready", "true");
})();
