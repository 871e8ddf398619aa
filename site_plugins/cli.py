"""`followup`: check the rule base, render the guide, plan a reader's follow-up."""
import argparse
import sys

from .rules import RulesError, load_rules


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


def _parser():
    parser = argparse.ArgumentParser(prog="followup", description=__doc__)
    commands = parser.add_subparsers(title="commands")
    check = commands.add_parser("check", help="validate the rules and summarise them")
    check.add_argument("rules_dir", nargs="?", default="rules", metavar="RULES_DIR")
    check.set_defaults(run=run_check)
    return parser


def run_check(args):
    try:
        data = load_rules(args.rules_dir)
    except RulesError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {args.rules_dir}", file=sys.stderr)
        return 1
    print(summary(data, args.rules_dir))
    return 0


def summary(data, where):
    """A short account of the rule base: counts, then citations per source."""
    actions = sum(1 for rule in data["rules"] if rule["plan"])
    lines = [f"{where}: OK: {len(data['rules'])} rules ({actions} plan actions) in "
             f"{len(data['steps'])} steps, {len(data['disagreements'])} disagreements, "
             f"{len(data['sources'])} sources", "citations per source:"]
    counts = citation_counts(data)
    width = max(len(source_id) for source_id in counts)
    for source_id, count in counts.items():
        lines.append(f"  {source_id.ljust(width)}  {count['rules']:3} rules, "
                     f"{count['positions']:2} positions")
    return "\n".join(lines)


def citation_counts(data):
    """For each source id: how many rules and disagreement positions cite it."""
    counts = {source["id"]: {"rules": 0, "positions": 0} for source in data["sources"]}
    for rule in data["rules"]:
        for source_id in rule["sources"]:
            counts[source_id]["rules"] += 1
    for disagreement in data["disagreements"]:
        for position in disagreement["positions"]:
            for source_id in position["sources"]:
                counts[source_id]["positions"] += 1
    return counts


if __name__ == "__main__":
    sys.exit(main())
