/* kzai assessment wizard: show the questions an answer opens at once, save each answer as
 * it is given.
 *
 * Progressive enhancement: without this file the section form's "save" buttons do the same.
 * - Visibility: the page carries every question's `visible_if` and the answers of the other
 *   sections (#wizard-data); static/js/conditions.js evaluates them with the server's rules
 *   (compliance/conditions.py), so a follow-up question appears as soon as it is opened, even
 *   offline. A hidden question's fieldset is also disabled, so the form never submits it; the
 *   hidden field "asked" lists the questions shown, for the server's "save".
 * - Autosave: each change is sent to the API (PUT /api/v1/assessments/{id}/answers/, session +
 *   CSRF), one question at a time in the order of the changes. A network or server error
 *   keeps the answer waiting and retries (1, 2, 4 … 30 s, at once when the browser is back
 *   online), saying so in the status line; closing the tab while answers wait asks first.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.kzaiConditions) return;
  var url = form.getAttribute("data-autosave");
  var status = form.querySelector(".autosave-status");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var askedInput = form.querySelector("input[name=asked]");
  var dataNode = document.getElementById("wizard-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : { questions: [], answers: {} };
  var timers = {};
  var waiting = []; // codes with a change not saved yet, in the order of the changes
  var versions = {}; // code → number of changes, so a change made during a request is sent too
  var inFlight = false;
  var retryTimer = null;
  var failures = 0;
  var submitting = false;

  function say(text, state) {
    if (!status) return;
    status.textContent = text || "";
    status.setAttribute("data-state", state || "");
  }

  function fieldsetOf(code) {
    return form.querySelector('fieldset[data-question="' + code + '"]');
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

  // The answers as the page has them now: the other sections' stored ones, this section's form.
  function currentAnswers() {
    var answers = {};
    Object.keys(data.answers || {}).forEach(function (code) {
      answers[code] = data.answers[code];
    });
    form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
      var value = valueOf(fieldset);
      var code = fieldset.getAttribute("data-question");
      if (window.kzaiConditions.isAnswered(value)) answers[code] = value;
      else delete answers[code];
    });
    return answers;
  }

  function refreshVisibility() {
    var shown = window.kzaiConditions.visibility(data.questions, currentAnswers());
    var asked = [];
    form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
      var code = fieldset.getAttribute("data-question");
      var visible = shown[code] !== false;
      fieldset.hidden = !visible;
      fieldset.disabled = !visible;
      if (visible) asked.push(code);
    });
    if (askedInput) askedInput.value = asked.join(" ");
  }

  function showErrors(fieldset, message) {
    var box = fieldset && fieldset.querySelector(".autosave-error");
    if (!box) return;
    box.textContent = message || "";
    box.hidden = !message;
  }

  function unsaved() {
    return waiting.length > 0 || inFlight || Object.keys(timers).length > 0;
  }

  function schedule(code) {
    versions[code] = (versions[code] || 0) + 1;
    if (waiting.indexOf(code) < 0) waiting.push(code);
    flush();
  }

  function done(code, version) {
    if (versions[code] === version) waiting.splice(waiting.indexOf(code), 1);
  }

  function retryLater() {
    failures += 1;
    var seconds = Math.min(30, Math.pow(2, failures - 1));
    say(form.getAttribute("data-retry-text").replace("{seconds}", seconds), "retrying");
    retryTimer = setTimeout(function () {
      retryTimer = null;
      flush();
    }, seconds * 1000);
  }

  function flush() {
    if (inFlight || retryTimer || waiting.length === 0) return;
    var code = waiting[0];
    var version = versions[code];
    var fieldset = fieldsetOf(code);
    var body = {};
    // a question hidden meanwhile is cleared from nothing: its stored answer stays (as on the server)
    if (fieldset.disabled) {
      done(code, version);
      flush();
      return;
    }
    body[code] = valueOf(fieldset);
    inFlight = true;
    say(form.getAttribute("data-saving-text"), "saving");
    fetch(url, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (payload) {
            return { status: response.status, ok: response.ok, data: payload };
          });
      })
      .then(
        function (result) {
          inFlight = false;
          if (result.ok) {
            failures = 0;
            showErrors(fieldset, "");
            done(code, version);
            if (!waiting.length) say(form.getAttribute("data-saved-text"), "saved");
          } else if (result.status >= 500 || result.status === 408 || result.status === 429) {
            retryLater();
            return;
          } else {
            // the answer does not fit (or the assessment is final): no retry, the user corrects it
            var errors = (result.data.errors || {})[code];
            showErrors(fieldset, errors ? errors.join(" ") : result.data.detail);
            done(code, version);
            say(form.getAttribute("data-error-text"), "error");
          }
          flush();
        },
        function () {
          inFlight = false;
          retryLater();
        }
      );
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset) return;
    var code = fieldset.getAttribute("data-question");
    clearTimeout(timers[code]);
    delete timers[code];
    refreshVisibility();
    schedule(code);
  });
  // Text is saved a moment after typing stops.
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset || event.target.type === "radio" || event.target.type === "checkbox") return;
    var code = fieldset.getAttribute("data-question");
    clearTimeout(timers[code]);
    timers[code] = setTimeout(function () {
      delete timers[code];
      refreshVisibility();
      schedule(code);
    }, 600);
  });
  window.addEventListener("online", function () {
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
      flush();
    }
  });
  // "Save" posts every answer of the section: nothing is lost, so no warning then.
  form.addEventListener("submit", function () {
    submitting = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (submitting || !unsaved()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  refreshVisibility();
  form.setAttribute("data-autosave-ready", "true");
})();
