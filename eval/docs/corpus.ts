import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeDocx } from '../../test/support/documents/writeDocx.js';
import { textToDocxParagraphs } from './textToDocxParagraphs.js';

/** The formats the question set covers; a question's format is its document's. */
export type EvalFormat = 'pdf' | 'html' | 'text' | 'docx';
export const EVAL_FORMATS: readonly EvalFormat[] = ['pdf', 'html', 'text', 'docx'];

/** One free document Debian ships, as the eval imports it. */
export interface EvalDocument {
  /** Short name the questions use. */
  id: string;
  format: EvalFormat;
  /** Where Debian installs it; `.gz` files are unpacked into the work folder first. */
  source: string;
  /** The Debian package that ships it (scripts/test-setup.mjs installs it). */
  debianPackage: string;
  /** Written as a Word file from the (text) source first: see textToDocxParagraphs. */
  asDocx?: true;
}

const POLICY = '/usr/share/doc/debian-policy';
// python3-doc links its html folder to the versioned one (python3.11-doc on Debian 12).
const PYTHON = '/usr/share/doc/python3-doc/html';

/**
 * None of these is read by the other tests (they read debian-reference-en's PDF and the FHS).
 * Picked for size: the whole set imports in well under a minute, so the floor test can run in CI.
 */
export const EVAL_DOCUMENTS: readonly EvalDocument[] = [
  { id: 'policy-pdf', format: 'pdf', source: `${POLICY}/policy.pdf.gz`, debianPackage: 'debian-policy' },
  { id: 'py-errors', format: 'html', source: `${PYTHON}/tutorial/errors.html`, debianPackage: 'python3-doc' },
  { id: 'py-venv', format: 'html', source: `${PYTHON}/tutorial/venv.html`, debianPackage: 'python3-doc' },
  {
    id: 'py-inputoutput',
    format: 'html',
    source: `${PYTHON}/tutorial/inputoutput.html`,
    debianPackage: 'python3-doc',
  },
  {
    id: 'py-datastructures',
    format: 'html',
    source: `${PYTHON}/tutorial/datastructures.html`,
    debianPackage: 'python3-doc',
  },
  { id: 'py-json', format: 'html', source: `${PYTHON}/library/json.html`, debianPackage: 'python3-doc' },
  { id: 'autopkgtest', format: 'text', source: `${POLICY}/autopkgtest.txt.gz`, debianPackage: 'debian-policy' },
  { id: 'perl-policy', format: 'text', source: `${POLICY}/perl-policy.txt.gz`, debianPackage: 'debian-policy' },
  {
    id: 'debconf-spec',
    format: 'text',
    source: `${POLICY}/debconf_specification.txt.gz`,
    debianPackage: 'debian-policy',
  },
  {
    id: 'copyright-format',
    format: 'docx',
    source: `${POLICY}/copyright-format-1.0.txt.gz`,
    debianPackage: 'debian-policy',
    asDocx: true,
  },
];

/**
 * Copies (unpacking `.gz`, writing a Word file where asked) each document into `folder` under a name whose extension says its
 * format, and returns the paths by document id. Hearth imports files by extension.
 */
export async function prepareDocuments(
  documents: readonly EvalDocument[],
  folder: string,
): Promise<Map<string, string>> {
  const missing = documents.filter((d) => !existsSync(d.source));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((d) => d.debianPackage))].join(' ');
    throw new Error(
      `The document eval reads free documents Debian ships; missing: ${missing.map((d) => d.source).join(', ')}. ` +
        `Install them: apt-get install ${packages} (npm run test:setup does).`,
    );
  }
  mkdirSync(folder, { recursive: true });
  const paths = new Map<string, string>();
  for (const document of documents) {
    const gz = document.source.endsWith('.gz');
    const bytes = readFileSync(document.source);
    const contents = gz ? gunzipSync(bytes) : bytes;
    const name = `${document.id}-${basename(document.source, gz ? '.gz' : undefined)}`;
    const path = join(folder, document.asDocx ? name.replace(/\.txt$/, '.docx') : name);
    if (document.asDocx) await writeDocx(path, textToDocxParagraphs(contents.toString('utf8')));
    else writeFileSync(path, contents);
    paths.set(document.id, path);
  }
  return paths;
}
