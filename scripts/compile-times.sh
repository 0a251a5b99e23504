#!/usr/bin/env bash
# scripts/compile-times.sh — what a user pays to compile drf: every umbrella header alone (a translation
# unit that only includes it, which also proves each one compiles on its own), <drf/drf.hpp>,
# <drf/server.hpp> and <drf/drf.hpp> again with -DDRF_SEPARATE_COMPILATION (the server's separate
# mode; where the headers do not know that macro yet, those rows measure the header-only mode again),
# and every translation unit of the example service (examples/projects/*.cpp); at -O0 (CMake's Debug:
# -g) and -O2 (CMake's RelWithDebInfo: -O2 -g -DNDEBUG); the median of 3 runs of wall time, CPU time
# (user + sys) and peak RSS (/usr/bin/time). One compiler at a time by default (--jobs 1): figures to
# commit are measured that way. Prints a Markdown table.
#
#   scripts/compile-times.sh [options]
#     --build-dir DIR   a configured build directory (default: $BUILD_DIR, else build/): the compiler
#                       and flags are those CMake gives drf_tests (its compile_commands.json, or `ninja -t compdb`; the
#                       test-only definitions, PCH, unity-build and dependency flags dropped), the example's units
#                       get their own command line. Without one: c++ and the flags drf::all gives
#                       (-std=gnu++20 -Iinclude, the DRF_HAS_* definitions, the warnings), no example rows.
#     --reps N          runs per figure (default 3; the table keeps the median, --check the fastest)
#     --opt O0|O2       one optimisation level only (default: both)
#     --only REGEX      only the rows whose name matches (e.g. 'server|drf\.hpp')
#     --write FILE      write the figures to FILE (tests/compile_times/figures.txt is the committed one)
#     --check FILE      compare with FILE: exit 1 naming every figure more than 25% over it
#     --threshold PCT   the check's margin (default 25)
#     --jobs N          compilers run at once (default 1). CI checks with one per core: CPU time moves
#                       little when each compiler has a core of its own, and the calibration row, measured
#                       the same way, scales the committed figures for what it does move
#     --calibrate-every N  measure the calibration row again before every N other rows, and scale each
#                       run by the calibration runs nearest it in time (the faster of the last one that
#                       started before it and the first that started after) instead of by the fastest of
#                       the whole run: a machine whose speed moves during the run (a neighbour's load)
#                       moves both alike; a slow spell shorter than the runs between two calibrations
#                       still shows (seen: two rows 40-50% slow for ten seconds, the calibration before
#                       and after them not)
#     --calibrate-each  --calibrate-every 1: CI's second look, one at a time, at the rows over the margin
#     --time-trace HDR  (repeatable; no timing run) clang++-14 -ftime-trace of a unit including <HDR>
#                       (e.g. drf/drf.hpp): prints the top 10 template instantiations and headers
#
# The check compares CPU time (each row's fastest run, as the calibration row's) and peak RSS, not
# wall time (which counts whatever else the machine runs). Committed times are first scaled by this
# run's `calibration` row (a unit of nlohmann/json and the standard library only, which drf's changes
# cannot move) over the committed one, so a slower or busier machine is not a regression; a figure
# below 0.3 s or 20 MB over is never one. A row that fails to compile fails the script in every mode.
# A figure on one side only is reported (NEW / GONE), not failed: rewrite the file.
#
# Re-measure and commit the figures (on a quiet machine, after a build of build/):
#   scripts/compile-times.sh --write tests/compile_times/figures.txt
#   git commit -m "Compile-time figures re-measured" -- tests/compile_times/figures.txt
#
# Runtime: --reps times the sum of the wall times in its table, on one core (the three example-sized
# rows, <drf/drf.hpp> twice and the example, are most of it). --opt O0 --reps 1 took 1362 s on
# 2026-12-02 under load average 13-21 (five sessions building on two cores); a quiet machine takes a
# fraction of that.
set -euo pipefail
export LC_ALL=C
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_dir="${BUILD_DIR:-$DRF_ROOT/build}"
reps=3
opts=(O0 O2)
only=""
write_file=""
check_file=""
threshold=25
jobs=1
calibrate_every=0
traces=()

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir="$2"; shift 2 ;;
        --reps) reps="$2"; shift 2 ;;
        --opt) opts=("$2"); shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --write) write_file="$2"; shift 2 ;;
        --check) check_file="$2"; shift 2 ;;
        --threshold) threshold="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --calibrate-every) calibrate_every="$2"; shift 2 ;;
        --calibrate-each) calibrate_every=1; shift ;;
        --time-trace) traces+=("$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "compile-times.sh: unknown argument '$1' (--help lists them)" >&2; exit 2 ;;
    esac
done
for opt in "${opts[@]}"; do
    case "$opt" in O0|O2) ;; *) echo "compile-times.sh: --opt is O0 or O2, not '$opt'" >&2; exit 2 ;; esac
done
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "compile-times.sh: --reps needs a positive number" >&2; exit 2; }
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "compile-times.sh: --jobs needs a positive number" >&2; exit 2; }
[[ "$calibrate_every" =~ ^[0-9]+$ ]] || { echo "compile-times.sh: --calibrate-every needs a number" >&2; exit 2; }
if [ -n "$check_file" ] && [ ! -f "$check_file" ]; then
    echo "compile-times.sh: no committed figures at $check_file (write them with --write $check_file)" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "compile-times.sh: needs /usr/bin/time (Debian package: time)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- The compiler and flags -------------------------------------------------------------------------
# Prints bash assignments: cxx, base (the flags of every umbrella row), example_files and
# example_flags_<i> (each example unit's own flags), flags_source (where they came from).
read_flags() {
    local compdb=""
    if [ -f "$build_dir/compile_commands.json" ]; then
        compdb="$build_dir/compile_commands.json"
    elif [ -f "$build_dir/build.ninja" ] && command -v ninja >/dev/null 2>&1; then
        compdb="$work/compdb.json"
        ninja -C "$build_dir" -t compdb >"$compdb" 2>/dev/null || compdb=""
    fi
    python3 - "$compdb" "$DRF_ROOT" "${CXX:-c++}" <<'PY'
import json, os, re, shlex, subprocess, sys

compdb, root, fallback_cxx = sys.argv[1], sys.argv[2], sys.argv[3]

def split_command(command):
    """(compiler, kept flags, source): the launcher (ccache, `cmake -E env X=Y ccache`), the output,
    dependency, PCH and optimisation/debug flags dropped; those depend on the build, not the header."""
    words = shlex.split(command)
    i = 0
    while i < len(words):
        w, base = words[i], os.path.basename(words[i])
        if base in ("ccache", "sccache", "distcc", "env", "cmake") or w in ("-E",) or (
                "=" in w and not w.startswith("-")):
            i += 1
            continue
        break
    if i >= len(words):
        return None, [], None  # a custom command (cmake -E …), not a compilation
    cxx, rest = words[i], words[i + 1:]
    kept, source, j = [], None, 0
    while j < len(rest):
        w = rest[j]
        if w in ("-o", "-MT", "-MF", "-MQ", "-include", "-Xclang"):
            j += 2
            continue
        if w == "-c" and j + 1 < len(rest):
            source = rest[j + 1]
            j += 2
            continue
        if w in ("-isystem", "-I", "-iquote", "-idirafter"):
            kept += [w, rest[j + 1]]
            j += 2
            continue
        drop = (w.startswith(("-O", "-g", "-M"))
                or w in ("-DNDEBUG", "-Winvalid-pch", "-fpch-preprocess", "-Wno-subobject-linkage")
                or w.startswith("-DDRF_TEST_") or not w.startswith("-"))
        if not drop:
            kept.append(w)
        j += 1
    return cxx, kept, source

out = {}
entries = json.load(open(compdb)) if compdb else []
base = None
examples = []
for e in entries:
    cxx, kept, source = split_command(e["command"])
    if not source:
        continue
    source = os.path.normpath(os.path.join(e.get("directory", "."), source))
    rel = os.path.relpath(source, root)
    if base is None and "/drf_tests.dir/" in e["command"]:
        base = (cxx, kept)
    if rel.startswith("examples/projects/") and rel.endswith(".cpp") and rel not in [x[0] for x in examples]:
        examples.append((rel, kept))
if base is None:
    inc = ["-I" + os.path.join(root, "include")]
    defs = ["-DBOOST_ALL_NO_LIB", "-DDRF_COMPONENT_CHECKS=1"] + [
        f"-DDRF_HAS_{c}=1" for c in ("CRYPTO", "SQLITE", "AUTH", "COMMANDS", "SERVER")]
    if os.path.exists("/usr/include/postgresql/libpq-fe.h"):
        defs.append("-DDRF_HAS_POSTGRESQL=1")
        inc += ["-isystem", "/usr/include/postgresql"]
    warnings = ["-Wall", "-Wextra", "-Wpedantic", "-Werror"]
    version = subprocess.run([fallback_cxx, "--version"], capture_output=True, text=True).stdout
    if "Free Software Foundation" in version and re.search(r"\) 12\.", version):
        warnings.append("-Wno-restrict")  # as drf_dev_flags: GCC bug 105651 at -O2
    base = (fallback_cxx, defs + inc + warnings + ["-std=gnu++20"])
    source_note = "replicated (no configured build directory: no example rows)"
    examples = []
else:
    source_note = "CMake's, from " + compdb
print("cxx=" + shlex.quote(base[0]))
print("base=(" + " ".join(shlex.quote(w) for w in base[1]) + ")")
print("example_files=(" + " ".join(shlex.quote(x[0]) for x in sorted(examples)) + ")")
for i, (rel, kept) in enumerate(sorted(examples)):
    print(f"example_flags_{i}=(" + " ".join(shlex.quote(w) for w in kept) + ")")
print("flags_source=" + shlex.quote(source_note))
PY
}
cxx="" base=() example_files=() flags_source=""
flag_assignments="$(read_flags)"  # a failure here stops the script (set -e), unlike inside eval
eval "$flag_assignments"

# --- -ftime-trace mode ------------------------------------------------------------------------------
if [ "${#traces[@]}" -gt 0 ]; then
    clang="${CLANG:-$(command -v clang++-14 || command -v clang++ || true)}"
    [ -n "$clang" ] || { echo "compile-times.sh: --time-trace needs clang++ (14): apt-get install clang" >&2; exit 2; }
    trace_flags=()
    for w in "${base[@]}"; do
        case "$w" in -W*) ;; *) trace_flags+=("$w") ;; esac  # g++'s warning set is not clang's
    done
    for header in "${traces[@]}"; do
        header="${header#<}"; header="${header%>}"
        tu="$work/trace.cpp"
        printf '#include <%s>\n' "$header" >"$tu"
        printf '==> %s -ftime-trace of #include <%s> (-O0)\n' "$("$clang" --version | head -1)" "$header" >&2
        "$clang" "${trace_flags[@]}" -O0 -ftime-trace -ftime-trace-granularity=100 -c "$tu" -o "$work/trace.o"
        python3 - "$work/trace.json" "$header" "$DRF_ROOT" <<'PY'
import json, re, sys
from collections import defaultdict

events, header, root = json.load(open(sys.argv[1]))["traceEvents"], sys.argv[2], sys.argv[3]
spans = [e for e in events if e.get("ph") == "X"]
total = max(e["dur"] for e in spans) / 1e6

def short(path):
    for prefix in (root + "/include/", "/usr/include/c++/12/", "/usr/include/"):
        if path.startswith(prefix):
            return path[len(prefix):]
    return path

print(f"\n### clang -ftime-trace: #include <{header}> — {total:.2f} s in all\n")
inst = [e for e in spans if e["name"] in ("InstantiateClass", "InstantiateFunction")]
# The outermost instantiations (not inside another one): their times partition the instantiation time.
inst.sort(key=lambda e: (e["ts"], -e["dur"]))
outer, end = [], -1
for e in inst:
    if e["ts"] >= end:
        outer.append(e)
        end = e["ts"] + e["dur"]
frontend = sum(e["dur"] for e in spans if e["name"] == "Frontend") / 1e6
print(f"Front end {frontend:.2f} s, of which template instantiation {sum(e['dur'] for e in outer) / 1e6:.2f} s.\n")
print("Top 10 template instantiations (inclusive of what each instantiates):\n")
print("| ms | kind | instantiation |\n|---:|---|---|")
for e in sorted(inst, key=lambda e: -e["dur"])[:10]:
    detail = e["args"]["detail"]
    print(f"| {e['dur'] / 1000:.0f} | {e['name'][11:]} | `{detail[:150]}{'…' if len(detail) > 150 else ''}` |")
# Per template (arguments dropped), outermost instantiations only.
by_template = defaultdict(lambda: [0, 0])
for e in outer:
    name = re.sub(r"<.*", "", e["args"]["detail"])
    by_template[name][0] += e["dur"]
    by_template[name][1] += 1
print("\nTop 10 templates by time in the instantiation trees they root (arguments folded):\n")
print("| ms | count | template |\n|---:|---:|---|")
for name, (dur, n) in sorted(by_template.items(), key=lambda kv: -kv[1][0])[:10]:
    print(f"| {dur / 1000:.0f} | {n} | `{name}` |")
# Headers: inclusive time of each (first) inclusion, and self time (minus the headers it includes).
sources = sorted((e for e in spans if e["name"] == "Source"), key=lambda e: (e["ts"], -e["dur"]))
self_time, incl = defaultdict(int), defaultdict(int)
stack = []
for e in sources:
    while stack and e["ts"] >= stack[-1]["ts"] + stack[-1]["dur"]:
        stack.pop()
    path = short(e["args"]["detail"])
    incl[path] += e["dur"]
    self_time[path] += e["dur"]
    if stack:
        self_time[short(stack[-1]["args"]["detail"])] -= e["dur"]
    stack.append(e)
for title, table in (("inclusive (with what they include)", incl), ("self (parsing the header's own text)", self_time)):
    print(f"\nTop 10 headers, {title}:\n")
    print("| ms | header |\n|---:|---|")
    for path, dur in sorted(table.items(), key=lambda kv: -kv[1])[:10]:
        print(f"| {dur / 1000:.0f} | `{path}` |")
PY
    done
    exit 0
fi

# --- The rows ---------------------------------------------------------------------------------------
# row_names[i], row_sources[i], row_flags[i] (the name of an array holding the row's flags).
row_names=()
row_sources=()
row_flags=()
# shellcheck disable=SC2034  # used through the nameref in the measuring loop
separate_flags=("${base[@]}" -DDRF_SEPARATE_COMPILATION)
add_row() {
    if [ -n "$only" ] && ! [[ "$1" =~ $only ]]; then return; fi
    row_names+=("$1"); row_sources+=("$2"); row_flags+=("$3")
}
cat >"$work/calibration.cpp" <<'CPP'
// Not drf: the baseline every figure is scaled by in --check (nlohmann/json and the standard library).
#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <vector>
int main() {
    auto j = nlohmann::json::parse(R"({"a": [1, 2.5, "x"], "b": {"c": null}})");
    std::map<std::string, std::vector<int>> m{{"k", {1, 2}}};
    return static_cast<int>(j.dump().size() + m.size());
}
CPP
add_row calibration "$work/calibration.cpp" base
for header in "$DRF_ROOT"/include/drf/*.hpp; do
    name="drf/$(basename "$header")"
    tu="$work/$(basename "$header" .hpp).cpp"
    printf '#include <%s>\n' "$name" >"$tu"
    add_row "$name" "$tu" base
done
add_row "drf/server.hpp+separate" "$work/server.cpp" separate_flags
add_row "drf/drf.hpp+separate" "$work/drf.cpp" separate_flags
for i in "${!example_files[@]}"; do
    add_row "${example_files[$i]}" "$DRF_ROOT/${example_files[$i]}" "example_flags_$i"
done
add_row calibration "$work/calibration.cpp" base  # again at the end: see the report's calibration rule
[ "${#row_names[@]}" -gt 0 ] || { echo "compile-times.sh: no row matches --only '$only'" >&2; exit 2; }
separate_known=no
grep -rqs DRF_SEPARATE_COMPILATION "$DRF_ROOT/include/drf/server.hpp" "$DRF_ROOT/include/drf/server/" && separate_known=yes

# --- Measuring: rounds of every row, so a change in the machine's load spreads over all of them -------
results="$work/results"
: >"$results"
started=$SECONDS
# One untimed compile first: the first compile after a build reads the headers from disk, and the
# calibration row (measured first) would take that cost alone.
"$cxx" "${base[@]}" -O0 -c "$work/calibration.cpp" -o "$work/out.o" 2>/dev/null || true
# One measurement: a line in $results, or the row's name in $work/failed. Files of its own per process,
# so that --jobs can run several at once.
measure() {
    local i="$1" opt="$2" rep="$3" name="${row_names[$1]}" me="$work/run.$BASHPID" opt_flags wall user sys rss
    local start="$EPOCHREALTIME"
    case "$opt" in O0) opt_flags=(-O0 -g) ;; O2) opt_flags=(-O2 -g -DNDEBUG) ;; esac
    local -n flags="${row_flags[$i]}"
    if /usr/bin/time -f '%e %U %S %M' -o "$me.time" \
        "$cxx" "${flags[@]}" "${opt_flags[@]}" -c "${row_sources[$i]}" -o "$me.o" 2>"$me.err"; then
        read -r wall user sys rss <"$me.time"
        echo "$name $opt $wall $user $sys $rss $start" >>"$results"
        printf '  [%d/%d] %-40s %s %6.2f s\n' "$rep" "$reps" "$name" "$opt" "$wall" >&2
    else
        echo "$name $opt" >>"$work/failed"
        printf '\n==> %s does not compile (-%s):\n%s\n' "$name" "$opt" "$(head -30 "$me.err")" >&2
    fi
    rm -f "$me.time" "$me.o" "$me.err"
}
: >"$work/failed"
# run_row I OPT REP: one measurement, in the background when --jobs allows several.
run_row() {
    if [ "$jobs" -eq 1 ]; then
        measure "$@"
    else
        while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
        measure "$@" &
    fi
}
for ((rep = 1; rep <= reps; rep++)); do
    for opt in "${opts[@]}"; do
        since_calibration=0
        for i in "${!row_names[@]}"; do
            name="${row_names[$i]}"
            ! grep -qxF "$name $opt" "$work/failed" || continue
            if [ "$name" = calibration ]; then
                since_calibration=0
            elif [ "$calibrate_every" -gt 0 ] && [ "$since_calibration" -ge "$calibrate_every" ]; then
                run_row 0 "$opt" "$rep"  # row 0 is the calibration row
                since_calibration=0
            fi
            run_row "$i" "$opt" "$rep"
            [ "$name" = calibration ] || since_calibration=$((since_calibration + 1))
        done
        wait
    done
done
elapsed=$((SECONDS - started))

# --- Report, write, check ---------------------------------------------------------------------------
load="$(uptime | sed 's/.*load average/load average/')"
compiler="$("$cxx" --version | head -1)"
status=0
python3 - "$results" "$write_file" "$check_file" "$threshold" "$reps" "$elapsed" "$load" "$compiler" \
    "$flags_source" "$separate_known" "$only" "$(git -C "$DRF_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "${opts[*]}" "$calibrate_every" <<'PY' || status=$?
import datetime, re, statistics, sys
from collections import defaultdict

(results, write_file, check_file, threshold, reps, elapsed, load, compiler, flags_source, separate_known,
 only, commit, opts, calibrate_every) = sys.argv[1:]
calibrate_every = int(calibrate_every)
threshold = float(threshold) / 100
opts = opts.split()

runs = defaultdict(list)
order = []
timeline = []  # (start, name, opt, CPU time): --calibrate-every scales each run by its neighbours
for line in open(results):
    name, opt, wall, user, sys_, rss, start = line.split()
    if name not in order:
        order.append(name)
    runs[name, opt].append((float(wall), float(user) + float(sys_), int(rss) / 1024))
    timeline.append((float(start), name, opt, float(user) + float(sys_)))
timeline.sort()
fig = {key: tuple(statistics.median(r[k] for r in v) for k in range(3)) for key, v in runs.items()}
# The calibration row is measured at the start and the end of every round and keeps its fastest run: it
# stands for the machine, and one slow run of it (seen: 5.7 s against 3.9 s right after a test run, CPU
# time) would loosen every check by half.
for key, v in runs.items():
    if key[0] == "calibration":
        fig[key] = min(v, key=lambda r: r[1])
# The check compares each row's fastest CPU time too, so that both sides of the comparison are the
# machine at its fastest in this run: a machine whose speed moved between rounds (seen: calibration 6.2,
# 6.6, 6.1 then 4.3 s, and a row 2.37, 2.30 then 1.68 s) had made the row's median fail against the
# calibration's fastest run. Interference only ever adds time; a real regression slows every run.
fastest_cpu = {key: min(r[1] for r in v) for key, v in runs.items()}

def shown(name):
    if name == "calibration":
        return "calibration (nlohmann/json + std, not drf)"
    if name.startswith("drf/"):
        header, _, mode = name.partition("+")
        return f"`<{header}>`" + (" separate" if mode else "")
    return f"`{name}`"

now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
print(f"Compile times: {compiler}, commit {commit}, {now}, {load}; median of {reps} "
      f"(the run took {elapsed} s); flags: {flags_source}.")
if separate_known != "yes":
    print("The headers do not know DRF_SEPARATE_COMPILATION yet: the `separate` rows measure the header-only mode.")
print()
head = "| translation unit |" + "".join(f" -{o} wall | -{o} CPU | -{o} peak RSS |" for o in opts)
print(head)
print("|---|" + "---:|---:|---:|" * len(opts))
for name in order:
    cells = []
    for o in opts:
        f = fig.get((name, o))
        cells += [f"{f[0]:.2f} s", f"{f[1]:.2f} s", f"{f[2]:.0f} MB"] if f else ["—"] * 3
    print(f"| {shown(name)} | " + " | ".join(cells) + " |")

if write_file:
    with open(write_file, "w") as out:
        out.write("# tests/compile_times/figures.txt — compile-time figures CI checks against "
                  "(scripts/compile-times.sh --check).\n"
                  "# Rewrite: scripts/compile-times.sh --write tests/compile_times/figures.txt\n")
        out.write(f"# {compiler}; commit {commit}; {now}; {load}; median of {reps}\n")
        out.write("# row opt wall_s cpu_s peak_rss_mb\n")
        for name in order:
            for o in opts:
                if (name, o) in fig:
                    w, c, r = fig[name, o]
                    out.write(f"{name} {o} {w:.2f} {c:.2f} {r:.0f}\n")
    print(f"\nWrote {len(fig)} figures to {write_file}.", file=sys.stderr)

if not check_file:
    sys.exit(0)
committed = {}
for line in open(check_file):
    if line.strip() and not line.startswith("#"):
        name, o, w, c, r = line.split()
        committed[name, o] = (float(w), float(c), float(r))
scale = 1.0
for o in opts:
    if ("calibration", o) in committed and ("calibration", o) in fig:
        scale = fig["calibration", o][1] / committed["calibration", o][1]
        break
if calibrate_every:
    # Each run in the committed calibration's terms: scaled by the faster of the calibration runs that
    # started last before it and first after it, which saw the machine as it was then.
    fastest_cpu = {}
    calibrations = defaultdict(list)  # opt -> [(start, CPU time)], in time order
    for start, name, o, cpu in timeline:
        if name == "calibration":
            calibrations[o].append((start, cpu))
    for start, name, o, cpu in timeline:
        if name == "calibration" or ("calibration", o) not in committed:
            continue
        before = [c for s, c in calibrations[o] if s <= start][-1:]
        after = [c for s, c in calibrations[o] if s > start][:1]
        if not before + after:
            continue
        local = min(before + after) / committed["calibration", o][1]
        fastest_cpu[name, o] = min(fastest_cpu.get((name, o), float("inf")), cpu / local)
    print(f"\nCheck against {check_file}: each run scaled by the calibration runs nearest it in time (this "
          f"whole run's fastest would scale by {scale:.2f}), as the committed figures' terms; the margin is "
          f"{threshold:.0%}.")
    scale = 1.0
else:
    print(f"\nCheck against {check_file}: committed CPU times scaled by {scale:.2f} "
          f"(this run's calibration row over the committed one); the margin is {threshold:.0%}.")
over = []
for key in sorted(set(fig) | set(committed), key=lambda k: (order.index(k[0]) if k[0] in order else 999, k)):
    name, o = key
    if only and not re.search(only, name):
        continue
    if o not in opts:
        continue
    if key not in committed:
        print(f"  NEW   {name} -{o}: no committed figure (CPU {fig[key][1]:.2f} s, {fig[key][2]:.0f} MB); "
              "rewrite the file with --write")
        continue
    if key not in fig:
        print(f"  GONE  {name} -{o}: committed but not measured (no such unit now?); rewrite the file with --write")
        continue
    cpu, rss = fastest_cpu.get(key, fig[key][1]), fig[key][2]
    ref_cpu, ref_rss = committed[key][1] * scale, committed[key][2]
    if name != "calibration" and cpu > ref_cpu * (1 + threshold) and cpu - ref_cpu > 0.3:
        fastest = f" (the fastest of {len(runs[key])})" if len(runs[key]) > 1 else ""
        if calibrate_every:
            fastest += " scaled by the calibration nearest it"
        over.append(f"{name} -{o} CPU time {cpu:.2f} s{fastest} is {cpu / ref_cpu - 1:.0%} over {ref_cpu:.2f} s")
    if rss > ref_rss * (1 + threshold) and rss - ref_rss > 20:
        over.append(f"{name} -{o} peak RSS {rss:.0f} MB is {rss / ref_rss - 1:.0%} over {ref_rss:.0f} MB")
for line in over:
    print(f"  OVER  {line}")
if over:
    print(f"\n{len(over)} figure(s) more than {threshold:.0%} over the committed ones. If the cost is "
          f"meant, re-measure on a quiet machine and commit: scripts/compile-times.sh --write {check_file}")
    sys.exit(1)
print("  every figure within the margin")
PY
if [ -s "$work/failed" ]; then
    printf '\n%d figure(s) could not be measured: these units do not compile: %s\n' "$(wc -l <"$work/failed")" \
        "$(paste -sd, "$work/failed")"
    exit 1
fi
exit "$status"
