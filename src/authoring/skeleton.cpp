#include "bvplan/authoring/skeleton.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/yaml_text.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

namespace {

// A text value after `key: ` at `indent` spaces.
std::string value(std::string_view text, unsigned indent) { return yaml_text(text, YamlContext::block, indent + 2); }

std::string monitoring_lines(const PlanSkeleton& plan) {
  std::string out =
      "  # The committees or boards the plan reports progress to, and how often: month,\n"
      "  # quarter, year or a number of months, such as '6 months'.\n";
  if (plan.body.empty())
    return out +
           "  # Without it, an update is expected on every action at least once a quarter.\n"
           "  # monitoring:\n"
           "  #   - body: Overview and Scrutiny Committee\n"
           "  #     every: quarter\n";
  return out + fmt::format("  monitoring:\n    - body: {}\n      every: {}\n", value(plan.body, 6),
                           value(plan.every.empty() ? "quarter" : plan.every, 6));
}

std::string owners_lines(const PlanSkeleton& plan) {
  if (!plan.owner_name)
    return "# The owners (who leads and supports actions) come from the owners.yaml register in\n"
           "# this folder or a folder above it. Owners that only this plan names can be\n"
           "# declared here instead, each an id and a name:\n"
           "# owners:\n"
           "#   SPS: Strategic & Performance Services\n";
  return fmt::format(
      "# Who leads and supports actions: an id (short, without spaces) and a name for each.\n"
      "# Owners shared by several plans can be kept in an owners.yaml register instead.\n"
      "owners:\n"
      "  {}: {}\n",
      value(plan.owner, 2), value(*plan.owner_name, 2));
}

}  // namespace

std::string plan_skeleton(const PlanSkeleton& plan) {
  std::optional<Cadence> cadence = parse_cadence(plan.every);
  Date first_update = std::min(plan.start.plus_months(cadence ? cadence->months : 3).plus_days(-1), plan.end);
  std::string owner = value(plan.owner, 8);
  std::string out =
      "# A Best Value improvement plan, begun with 'bvplan new'. Lines starting with '#' are\n"
      "# comments, which bvplan ignores: keep them or delete them as you like.\n"
      "# Write your own key issues and actions over the examples (KI1 and KI1.1), copy them\n"
      "# for as many as you need, and run 'bvplan check' on this file after each change.\n"
      "# Every key is described in 'man bvplan-plan'.\n"
      "bvplan: 1\n"
      "plan:\n"
      "  # The plan's id: short, without spaces; commands and reports name the plan by it.\n";
  out += fmt::format("  id: {}\n", value(plan.id, 2));
  out += "  # The plan's title, as the committee paper heads it.\n";
  out += fmt::format("  title: {}\n", value(plan.title, 2));
  out +=
      "  # The Best Value review the plan comes from (optional):\n"
      "  # review: Name of the review\n"
      "  # The plan period: its first and last day, written YYYY-MM-DD.\n";
  out += fmt::format("  start: {}\n  end: {}\n", to_iso(plan.start), to_iso(plan.end));
  out += "  # The officer or unit accountable for the whole plan: an owner's id.\n";
  out += fmt::format("  owner: {}\n", value(plan.owner, 2));
  out +=
      "  # The implementation budget and the savings the plan is to deliver (optional), in\n"
      "  # pounds unless a 'currency' such as EUR says otherwise:\n"
      "  # budget: 30000\n"
      "  # savings_target: 25000\n";
  out += monitoring_lines(plan);
  out += owners_lines(plan);
  out +=
      "# The key issues the review found, each with the actions that address it.\n"
      "issues:\n"
      "  # An example key issue: write your first one over it, and copy it (from '- id:' to\n"
      "  # the end of its actions) for each of the others, with ids KI2, KI3 and so on.\n"
      "  - id: KI1\n"
      "    title: Example key issue (write one the review found)\n"
      "    # More about it (optional):\n"
      "    # description: What the review found and why it matters\n"
      "    actions:\n"
      "      # An example action: copy it (from '- id:' down) for each action of the key\n"
      "      # issue, with ids KI1.2, KI1.3 and so on.\n"
      "      - id: KI1.1\n"
      "        title: Example action (write what is to be done)\n"
      "        # Who leads it: an owner's id.\n";
  out += fmt::format("        lead: {}\n", owner);
  out += "        # When work starts and when it is due to be complete, written YYYY-MM-DD.\n";
  out += fmt::format("        start: {}\n        due: {}\n", to_iso(plan.start), to_iso(plan.end));
  out +=
      "        # Optional: who supports the lead (owner ids), the action's budget and\n"
      "        # savings in pounds, and the staff days it is expected to take:\n"
      "        # support: [SPS]\n"
      "        # budget: 2500\n"
      "        # savings_target: 1000\n"
      "        # effort_days: 20\n"
      "        # Milestones on the way (optional), each with its own id:\n"
      "        # milestones:\n"
      "        #   - id: KI1.1a\n"
      "        #     title: Draft to the committee\n";
  out += fmt::format("        #     due: {}\n", to_iso(plan.end));
  out +=
      "        # Progress, one update for each report, oldest first ('bvplan update KI1.1'\n"
      "        # adds one): its date, the % complete by then, and what was done.\n"
      "        # updates:\n";
  out += fmt::format("        #   - date: {}\n", to_iso(first_update));
  out +=
      "        #     complete: 25\n"
      "        #     summary: What was done since the plan began\n";
  return out;
}

std::string id_problem(std::string_view text) {
  if (text.empty()) return "an id cannot be empty";
  if (is_valid_id(text)) return "";
  return fmt::format("'{}' is not an id: use letters, digits, '.', '_' and '-', starting with a letter or digit",
                     escape_control(text));
}

std::string date_problem(std::string_view text) {
  if (parse_date(text)) return "";
  return fmt::format("'{}' is not a date: write YYYY-MM-DD, such as 2005-04-01", escape_control(text));
}

std::string line_problem(std::string_view text) {
  if (is_blank(text)) return "the text is empty";
  if (text.find_first_of("\r\n") != std::string_view::npos) return "write the text on one line";
  if (escape_control(text) != text) return "the text holds control characters or bytes that are not UTF-8";
  return "";
}

std::optional<std::string> cadence_spelling(std::string_view text) {
  if (text == "half-year") return "6 months";
  if (parse_cadence(text)) return std::string(text);
  return std::nullopt;
}

namespace {

const char* const owners_register =
    "# The owners register: the officers, teams and units who lead and support actions in\n"
    "# every plan of this repository. Plans name them by id (lead: CMT). Each is an id\n"
    "# (short, without spaces) and a name, or, as below, a mapping that can also give a role\n"
    "# and a capacity: how many actions the owner can lead at once (max_actions) and the\n"
    "# staff days it has a month (days_per_month), which 'bvplan workload' and\n"
    "# 'bvplan check' judge the plans against. Described in full in 'man bvplan-plan'.\n"
    "#\n"
    "# year_start is the month the council's year starts in. With april, the plans are\n"
    "# reported by financial year (1 April to 31 March): --period 2005/06-Q3, \"Quarter 3\n"
    "# 2005/06 (October to December 2005)\". Without it, periods are calendar ones.\n"
    "# year_start: april\n"
    "owners:\n"
    "  CMT:\n"
    "    name: Corporate Management Team\n"
    "    role: Accountable for the council's improvement plans\n"
    "    # max_actions: 5\n"
    "    # days_per_month: 10\n";

// GitHub Actions: the expressions (${{ ... }}) are GitHub's, written as they are.
const char* const workflow =
    "# Checks the plans on every pull request and builds the committee paper, written by\n"
    "# 'bvplan init'.\n"
    "#\n"
    "# bvplan has no published package yet, so this workflow builds it from its sources\n"
    "# (a few minutes) on Debian 12. Before it can run, set a repository variable (Settings,\n"
    "# Secrets and variables, Actions, Variables):\n"
    "#   BVPLAN_SOURCE  the git address of the bvplan sources, for example\n"
    "#                  https://github.com/your-council/bvplan.git\n"
    "#   BVPLAN_REF     (optional) the branch or tag to build; the default branch without it\n"
    "# Without BVPLAN_SOURCE the workflow stops at the build step and says so.\n"
    "name: bvplan\n"
    "\n"
    "on:\n"
    "  pull_request:\n"
    "  push:\n"
    "    branches: [main, master]\n"
    "  workflow_dispatch:\n"
    "\n"
    "jobs:\n"
    "  plans:\n"
    "    runs-on: ubuntu-latest\n"
    "    container: debian:12\n"
    "    steps:\n"
    "      - name: Install what building bvplan needs\n"
    "        run: |\n"
    "          apt-get update -qq\n"
    "          apt-get install -y -qq --no-install-recommends ca-certificates git g++ cmake \\\n"
    "            ninja-build pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev libgit2-dev\n"
    "      - name: Build bvplan from BVPLAN_SOURCE\n"
    "        env:\n"
    "          BVPLAN_SOURCE: ${{ vars.BVPLAN_SOURCE }}\n"
    "          BVPLAN_REF: ${{ vars.BVPLAN_REF }}\n"
    "        run: |\n"
    "          if [ -z \"$BVPLAN_SOURCE\" ]; then\n"
    "            echo \"::error::set the repository variable BVPLAN_SOURCE to the git address of the bvplan sources "
    "(see the top of .github/workflows/bvplan.yml)\"\n"
    "            exit 1\n"
    "          fi\n"
    "          git clone --depth 1 ${BVPLAN_REF:+--branch \"$BVPLAN_REF\"} \"$BVPLAN_SOURCE\" /tmp/bvplan\n"
    "          cmake -S /tmp/bvplan -B /tmp/bvplan/build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBVPLAN_TESTS=OFF\n"
    "          cmake --build /tmp/bvplan/build\n"
    "          install -m 755 /tmp/bvplan/build/bvplan /usr/local/bin/bvplan\n"
    "      # The whole history, so that the check can compare with the branch merged into.\n"
    "      - uses: actions/checkout@v4\n"
    "        with:\n"
    "          fetch-depth: 0\n"
    "      - name: Trust the checkout (the container runs as another user)\n"
    "        run: git config --global --add safe.directory \"$GITHUB_WORKSPACE\"\n"
    "      # Errors and warnings appear on the pull request's files; --against also reports\n"
    "      # due dates moved later without a 'rebaselined' record saying who approved it.\n"
    "      - name: Check the plans\n"
    "        if: github.event_name == 'pull_request'\n"
    "        env:\n"
    "          BASE_REF: ${{ github.base_ref }}\n"
    "        run: bvplan check plans --format github --strict --against \"origin/$BASE_REF\"\n"
    "      - name: Check the plans\n"
    "        if: github.event_name != 'pull_request'\n"
    "        run: bvplan check plans --format github --strict\n"
    "      # The paper is built even when the check fails on warnings; a plan with errors is\n"
    "      # left out of it (and named in the log).\n"
    "      - name: Build the committee paper\n"
    "        if: ${{ !cancelled() }}\n"
    "        run: bvplan report plans --format md -o paper.md\n"
    "      - name: Keep the paper (download it from the run's page)\n"
    "        if: ${{ !cancelled() && hashFiles('paper.md') != '' }}\n"
    "        uses: actions/upload-artifact@v4\n"
    "        with:\n"
    "          name: committee-paper\n"
    "          path: paper.md\n";

const char* const readme =
    "# Improvement plans\n"
    "\n"
    "The council's Best Value improvement plans, one file per plan, checked and reported by\n"
    "bvplan. The files are YAML: plain text with one `key: value` on each line, indented\n"
    "by spaces; lines starting with `#` are comments.\n"
    "\n"
    "- `plans/`: one file per plan. `plans/example.yaml` is an example with a comment on\n"
    "  every key: use it as a guide, then delete it.\n"
    "- `owners.yaml`: the officers, teams and units the plans name, each by a short id.\n"
    "- `.github/workflows/bvplan.yml`: on GitHub, checks the plans on every pull request and\n"
    "  builds the committee paper (see the end of this page).\n"
    "\n"
    "## Start a plan\n"
    "\n"
    "```sh\n"
    "bvplan new plans/roads-2005.yaml --id roads-2005 --title \"Roads improvement plan 2005\" \\\n"
    "    --start 2005-04-01 --end 2006-03-31 --body \"Environment Scrutiny Committee\" \\\n"
    "    --every quarter --owner CMT\n"
    "```\n"
    "\n"
    "On a terminal, `bvplan new plans/roads-2005.yaml` asks for what is missing. The new\n"
    "file has one example key issue and one example action: write the plan's own over them,\n"
    "and copy them for as many as the plan has.\n"
    "\n"
    "## Add a progress update\n"
    "\n"
    "At each report, the lead officer adds an update to each action they lead, for example:\n"
    "\n"
    "```sh\n"
    "bvplan update KI1.1 --complete 60 --summary \"Draft framework circulated\"\n"
    "```\n"
    "\n"
    "or adds it by hand at the end of the action's `updates:` list:\n"
    "\n"
    "```yaml\n"
    "        updates:\n"
    "          - date: 2005-06-30\n"
    "            complete: 60\n"
    "            summary: Draft framework circulated\n"
    "```\n"
    "\n"
    "`complete` is the percentage of the action done by that date. Work that is overdue\n"
    "needs a `remedy:` saying what will put it right.\n"
    "\n"
    "## Check the plans\n"
    "\n"
    "```sh\n"
    "bvplan check plans\n"
    "```\n"
    "\n"
    "Each error gives the file, line and column, and how to fix it. Warnings (an update\n"
    "overdue, late work with no remedy) do not stop you working, but the check on a pull\n"
    "request fails on them too, so that the paper never goes to committee with them.\n"
    "\n"
    "## Make the committee paper\n"
    "\n"
    "```sh\n"
    "bvplan report plans -o paper.md\n"
    "pandoc -f gfm+yaml_metadata_block paper.md -o paper.docx\n"
    "```\n"
    "\n"
    "On GitHub, every pull request and every change to the main branch builds `paper.md`:\n"
    "open the workflow run and download `committee-paper`. `bvplan status plans` shows the\n"
    "same figures as a table, and `bvplan --help` lists every command.\n"
    "\n"
    "## The check on GitHub\n"
    "\n"
    "The workflow builds bvplan from its sources, as there is no package yet: set the\n"
    "repository variable `BVPLAN_SOURCE` (Settings, Secrets and variables, Actions,\n"
    "Variables) to the git address of the bvplan sources, as the first lines of\n"
    "`.github/workflows/bvplan.yml` say. Until then the workflow stops with an error saying so.\n";

}  // namespace

std::vector<SkeletonFile> repository_skeleton(Date today) {
  // From today: on the day it is made the example has nothing to report yet, so it passes
  // check with no findings (a day later its action is behind a straight-line target).
  PlanSkeleton example{.id = "example",
                       .title = "Example improvement plan",
                       .start = today,
                       .end = today.plus_months(12).plus_days(-1),
                       .body = "Overview and Scrutiny Committee",
                       .every = "quarter",
                       .owner = "CMT",
                       .owner_name = std::nullopt};
  return {{"plans/example.yaml", plan_skeleton(example)},
          {"owners.yaml", owners_register},
          {".github/workflows/bvplan.yml", workflow},
          {"README.md", readme}};
}

}  // namespace bvplan
