// Posts the change report on a pull request, or updates the one posted before: one comment
// per pull request, found by its marker. `preview` is the line above the report: the
// preview's address, or why there is none.
const MARKER = "<!-- wsis-change-report -->";
// The account the workflows' GITHUB_TOKEN comments as.
const BOT = "github-actions[bot]";
// GitHub refuses a comment longer than 65,536 characters.
const LIMIT = 65000;

module.exports = async function postChangeReport({ github, context, number, preview, report }) {
  let body = [MARKER, preview, report].join("\n\n");
  if (body.length > LIMIT) {
    body = `${body.slice(0, LIMIT)}\n\n… (cut: the whole report is in the run's artifact)`;
  }
  const { owner, repo } = context.repo;
  const issue_number = number;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
  // Only the bot's own comment: anyone could start one with the marker.
  const previous = comments.find(
    (comment) => comment.user?.login === BOT && comment.body.startsWith(MARKER),
  );
  if (previous) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
  }
};
