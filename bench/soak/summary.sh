#!/usr/bin/env bash
# The soak's SUMMARY from its CSVs (written by soak.sh, which runs this at the end):
#   bench/soak/summary.sh SAMPLES.csv
# First and last 10 minutes of each resource, and least-squares slopes per hour over the whole
# run and over its second half: bounded caches (the redelivery cache holds 100,000 ids, about
# 8 minutes at 200 messages/s) fill in the first half, so a leak shows as a second-half slope.
set -euo pipefail
CSV=$1
ROUNDS=${CSV%.csv}-rounds.csv
awk -F, -v window=600 '
  NR == 1 { next }
  { n++; T[n] = $1; V[1, n] = $2; V[2, n] = $3; V[3, n] = $4; V[4, n] = $5; V[5, n] = $9; V[6, n] = $10; if ($9 != "") k = 6 }
  function slope(k, from,    i, c, sx, sy, sxx, sxy) {
    for (i = 1; i <= n; i++) if (T[i] >= from) { c++; sx += T[i]; sy += V[k, i]; sxx += T[i] * T[i]; sxy += T[i] * V[k, i] }
    return (c * sxx - sx * sx) > 0 ? (c * sxy - sx * sy) / (c * sxx - sx * sx) * 3600 : 0
  }
  END {
    split("heap_after_gc_MiB rss_MiB fds threads db_file_MiB load_average", names, " ")
    if (!k) k = 4  # CSVs written before the data file and the load were sampled
    printf "SUMMARY soak: %d s, %d samples\n", T[n], n
    printf "SUMMARY %-18s %13s %13s %15s %15s\n", "", "first 10 min", "last 10 min", "slope/h, all", "slope/h, 2nd half"
    kmax = k
    for (k = 1; k <= kmax; k++) {
      fs = 0; fc = 0; ls = 0; lc = 0
      for (i = 1; i <= n; i++) {
        if (T[i] <= window) { fs += V[k, i]; fc++ }
        if (T[i] >= T[n] - window) { ls += V[k, i]; lc++ }
      }
      printf "SUMMARY %-18s %13.1f %13.1f %+15.2f %+15.2f\n", names[k], fs / fc, ls / lc, slope(k, 0), slope(k, T[n] / 2)
    }
  }' "$CSV"
awk -F, 'NR > 1 { n++; L[n] = $10; req += $3; err += $4; rate += $7; if ($9 != "") p99 = p99 " " $9 }
  END { printf "SUMMARY live heap after a forced full GC, by round (MiB):"; for (i = 1; i <= n; i++) printf " %s", L[i]; print ""
        printf "SUMMARY requests %d, errors %d, mean %.1f req/s; p99 by round:%s\n", req, err, rate / n, p99 }' "$ROUNDS"
tail -n 1 "$CSV" | awk -F, '{ printf "SUMMARY messages handled by the bot (metrics): %d (%.1f/s)\n", $6, $6 / $1 }'
