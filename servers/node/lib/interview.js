'use strict';
// Interview mode: the server serves a scenario it must not name. The launcher sets PERFNB_INTERVIEW=1 and writes
// "SCENARIO /PATH" as the first line of stdin (never argv, never the environment: both are readable in /proc);
// every surface the candidate sees then says "undisclosed", the exercise file is service.js without the comments
// that explain it, and the endpoint answers at PATH only.
const { BadArgument } = require('./options');

const VARIABLE = 'PERFNB_INTERVIEW';
const UNDISCLOSED = 'undisclosed';
const FILE_NAME = 'service.js';
const ROUTE_PATH = /^\/[a-z0-9][a-z0-9/-]{0,60}$/;

/** The first line of stdin; the stream is paused after it, for whoever reads on (PERFNB_STOP_WITH_STDIN). */
function firstLine(stream) {
  return new Promise((resolve) => {
    let text = '';
    const done = (line) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.pause();
      resolve(line);
    };
    const onData = (chunk) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) done(text.slice(0, end));
    };
    const onEnd = () => done(text);
    stream.setEncoding('utf8');
    stream.on('data', onData);
    stream.on('end', onEnd);
  });
}

/** Reads the launcher's line: { scenario, path }, or a BadArgument (exit 2). */
async function readDisguise(stream, scenarios) {
  const parts = (await firstLine(stream)).trim().split(/\s+/);
  if (parts.length !== 2 || !scenarios.includes(parts[0]) || !ROUTE_PATH.test(parts[1])) {
    throw new BadArgument(`${VARIABLE}=1 needs 'SCENARIO /path' as the first line of stdin (one of ${scenarios.join(', ')}, a path of letters, digits, '/' and '-')`);
  }
  return { scenario: parts[0], path: parts[1] };
}

/**
 * JavaScript source without its comments, as a candidate reads it: a comment's own line goes, runs of blank lines
 * fold into one. Strings and template literals are kept whole; a regular expression literal holding "//" is not
 * told apart (the exercise files have none).
 */
function withoutComments(source) {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === '\'' || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  const lines = out.split('\n').map((line) => line.trimEnd());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '') + '\n';
}

module.exports = { VARIABLE, UNDISCLOSED, FILE_NAME, readDisguise, withoutComments };
