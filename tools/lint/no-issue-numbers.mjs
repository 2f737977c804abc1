// ESLint rule `no-issue-numbers`: code, comments and test names say what the code does and why, in the project's
// own words; which issue brought a line is history, and history lives in git.
const PATTERN = /\bissues?\s*#?\d+/gi;

export const noIssueNumbersRule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'No issue numbers in code, comments or test names.' },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const source = context.sourceCode;
        for (const match of source.text.matchAll(PATTERN)) {
          context.report({
            loc: source.getLocFromIndex(match.index),
            message: `"${match[0]}" names an issue: say what the code does and why instead.`,
          });
        }
      },
    };
  },
};
