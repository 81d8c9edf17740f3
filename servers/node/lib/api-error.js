'use strict';
// JSON replies, and the 400s that name the parameter to fix.

function writeJson(res, status, body, headers = {}) {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length, ...headers });
  res.end(bytes);
}

/** The body of every 4xx/503: what went wrong and, when one is to blame, which parameter. */
function apiError(error, parameter) {
  return parameter === undefined ? { error } : { error, parameter };
}

function badRequest(res, parameter, message) {
  writeJson(res, 400, apiError(message, parameter));
}

/** Reads a whole-number query parameter strictly; returns null once a 400 naming it has been written. */
function queryInt(res, query, name, min, max, fallback) {
  const values = query.getAll(name);
  if (values.length === 0 || values[0] === '') return fallback;
  const v = /^\d+$/.test(values[0]) ? Number(values[0]) : NaN;
  if (values.length > 1 || Number.isNaN(v) || v < min || v > max) {
    badRequest(res, name, `${name}: '${shorten(values.join(','))}' is not a whole number from ${min} to ${max}`);
    return null;
  }
  return v;
}

/** Echoes at most 40 characters of a bad value back, so a 100 KB parameter does not make a 100 KB error. */
function shorten(text) {
  return text.length <= 40 ? text : text.slice(0, 40) + '...';
}

module.exports = { writeJson, apiError, badRequest, queryInt, shorten };
