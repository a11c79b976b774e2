#!/usr/bin/env bash
# JMH: one match over the SOFA corpus and over 100k synthetic items (p50/p99), then index
# build time and heap at 754 / 10k / 100k items. Needs ../shared beside the repository.
# Usage: bench/match-benchmark.sh [extra JMH arguments, e.g. -p knowledge=corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd ../shared && pwd)"
mvn -q -B -ntp -pl knowledge -am -DskipTests test-compile
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -q -B -ntp -pl knowledge dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
cp="knowledge/target/test-classes:knowledge/target/classes:$(cat "$cpfile")"
java -Dqabot.shared="$shared" -Xmx4g -cp "$cp" io.qabot.knowledge.bench.IndexScaleReport
java -Dqabot.shared="$shared" -cp "$cp" org.openjdk.jmh.Main MatchBenchmark -jvmArgsAppend "-Dqabot.shared=$shared" "$@"
