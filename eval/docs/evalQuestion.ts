/**
 * One question of the document eval. An answerable question names its document, where the
 * answer is (a page for a PDF, a section otherwise: for people reading the set, not used by the
 * scoring), and a verbatim snippet of the extracted text that holds the answer: a passage answers
 * the question when its offsets overlap the snippet's. `paraphrased` questions share no content
 * word with their snippet (checked by the eval). An unanswerable question is plausible for the
 * documents' topics but answered by none of them.
 */
export type EvalQuestion =
  | {
      question: string;
      document: string;
      location: string;
      snippet: string;
      paraphrased?: true;
    }
  | {
      question: string;
      /** The document it seems to be about. */
      document: string;
      unanswerable: true;
    };
