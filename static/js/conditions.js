/* kzai condition interpreter for the browser: the same language and semantics as
 * compliance/conditions.py (docs/compliance.md, "Conditions"). A condition is JSON data,
 * interpreted here operator by operator; nothing is ever passed to eval or Function.
 *
 * The shared table tests/compliance/condition_cases.json is run against both interpreters
 * (tests/compliance/test_condition_table.py, tests/e2e/test_wizard_live.py).
 *
 *   kzaiConditions.evaluate(condition, answers)   → true / false (null condition: true)
 *   kzaiConditions.isAnswered(value)
 *   kzaiConditions.dependencies(condition)       → [codes]
 *   kzaiConditions.visibility(questions, answers) → {code: true/false}
 *       questions: [{code, visible_if}] — as compliance.definition.Definition.visibility:
 *       an answer counts only while its own question is asked.
 */
(function (root) {
  "use strict";

  var DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  function isAnswered(value) {
    return value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);
  }

  function isNumber(value) {
    return typeof value === "number" && isFinite(value);
  }

  // A date "YYYY-MM-DD" as a day number (a real calendar day only), else null.
  function asDate(value) {
    if (typeof value !== "string" || !DATE.test(value)) return null;
    var year = +value.slice(0, 4), month = +value.slice(5, 7), day = +value.slice(8, 10);
    if (year < 1 || month < 1 || month > 12 || day < 1) return null;
    var date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return date.getTime() / 86400000;
  }

  // {type, value} of a number or a date, else null (Python: Decimal or datetime.date).
  function comparable(value) {
    if (isNumber(value)) return { type: "number", value: value };
    var day = asDate(value);
    return day === null ? null : { type: "date", value: day };
  }

  function same(left, right) {
    if (Array.isArray(left) && Array.isArray(right)) {
      if (left.length !== right.length) return false;
      for (var i = 0; i < left.length; i += 1) if (!equal(left[i], right[i])) return false;
      return true;
    }
    return left === right;
  }

  function equal(actual, expected) {
    if (typeof actual === "boolean" || typeof expected === "boolean") return actual === expected;
    var left = comparable(actual), right = comparable(expected);
    if (left && right) return left.type === right.type && left.value === right.value;
    return same(actual, expected);
  }

  function evaluate(condition, answers) {
    if (condition === null || condition === undefined) return true;
    var operator = Object.keys(condition)[0];
    var argument = condition[operator];
    var i;
    if (operator === "all") {
      for (i = 0; i < argument.length; i += 1) if (!evaluate(argument[i], answers)) return false;
      return true;
    }
    if (operator === "any") {
      for (i = 0; i < argument.length; i += 1) if (evaluate(argument[i], answers)) return true;
      return false;
    }
    if (operator === "not") return !evaluate(argument, answers);
    if (operator === "answered") return isAnswered(lookup(answers, argument));
    var actual = lookup(answers, argument[0]);
    var expected = argument[1];
    if (!isAnswered(actual)) return false;
    if (operator === "contains") {
      return Array.isArray(actual) && actual.some(function (item) { return equal(item, expected); });
    }
    if (operator === "in") return expected.some(function (item) { return equal(actual, item); });
    if (operator === "eq") return equal(actual, expected);
    if (operator === "neq") return !equal(actual, expected);
    if (operator === "gt" || operator === "lt") {
      var left = comparable(actual), right = comparable(expected);
      if (!left || !right || left.type !== right.type) return false;
      return operator === "gt" ? left.value > right.value : left.value < right.value;
    }
    throw new Error("unknown operator " + operator);
  }

  function lookup(answers, code) {
    return Object.prototype.hasOwnProperty.call(answers, code) ? answers[code] : undefined;
  }

  function dependencies(condition) {
    if (!condition || typeof condition !== "object") return [];
    var operator = Object.keys(condition)[0];
    var argument = condition[operator];
    if (operator === "all" || operator === "any") {
      return argument.reduce(function (codes, child) { return codes.concat(dependencies(child)); }, []);
    }
    if (operator === "not") return dependencies(argument);
    if (operator === "answered") return typeof argument === "string" ? [argument] : [];
    return Array.isArray(argument) && typeof argument[0] === "string" ? [argument[0]] : [];
  }

  function visibility(questions, answers) {
    var byCode = {}, memo = {};
    questions.forEach(function (question) { byCode[question.code] = question; });
    function visible(code) {
      if (!Object.prototype.hasOwnProperty.call(memo, code)) {
        var condition = byCode[code].visible_if, known = {};
        dependencies(condition).forEach(function (dep) {
          if (Object.prototype.hasOwnProperty.call(answers, dep) && byCode[dep] && visible(dep)) {
            known[dep] = answers[dep];
          }
        });
        memo[code] = evaluate(condition, known);
      }
      return memo[code];
    }
    var shown = {};
    questions.forEach(function (question) { shown[question.code] = visible(question.code); });
    return shown;
  }

  root.kzaiConditions = {
    evaluate: evaluate,
    isAnswered: isAnswered,
    dependencies: dependencies,
    visibility: visibility,
  };
})(window);
