//go:build unix

package service_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/service"
	"acedesk/store"
)

// benchChapter is a chapter at the scale: 10,000 members and
// 200,000 contributions.
func benchChapter(b *testing.B) *service.Services {
	st, err := store.Open(filepath.Join(b.TempDir(), "chapter.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.CreateMembersAndContributions(demo.Members(10000, 9), benchContributions, app.Change{Actor: "bench", At: apptest.Start}); err != nil {
		b.Fatal(err)
	}
	svc := service.New(st, apptest.NewClock(apptest.Start), "bench", wired.Ports())
	setup := app.DefaultCertificateSetup()
	setup.ChapterCode = "HZ"
	if _, err := svc.Certificates.SaveSetup(setup); err != nil {
		b.Fatal(err)
	}
	return svc
}

// cpuTime is the CPU time this process has used: on a machine shared with
// other work, wall time says little, so the benchmarks report both.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBundleExport writes a full bundle of the chapter to a file.
func BenchmarkBundleExport(b *testing.B) {
	svc := benchChapter(b)
	path := filepath.Join(b.TempDir(), "chapter.acebundle")
	start := cpuTime(b)
	for b.Loop() {
		if _, err := service.ExportBundleFile(svc.Bundles, path, false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime(b)-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// benchBundle is the full bundle of benchChapter, in a file.
func benchBundle(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "chapter.acebundle")
	if _, err := service.ExportBundleFile(benchChapter(b).Bundles, path, false); err != nil {
		b.Fatal(err)
	}
	return path
}

// mergeBenchBundle verifies the bundle at path and merges it into st, an
// empty headquarters database, as acedesk merge does.
func mergeBenchBundle(st *store.Store, path string) error {
	hq := service.New(st, apptest.NewClock(apptest.Start), "bench", wired.Ports())
	bundle, err := service.OpenBundle(hq.Bundles, path)
	if err != nil {
		return err
	}
	r, err := service.MergeVerified(context.Background(), hq.Bundles, bundle, true, nil)
	if err == nil && r.Counts[3].Added != 200000 {
		err = fmt.Errorf("merge added %+v", r.Counts)
	}
	return err
}

// BenchmarkBundleMerge verifies that bundle and merges it into an empty
// headquarters database, on a heap earlier merges have grown.
func BenchmarkBundleMerge(b *testing.B) {
	path := benchBundle(b)
	n := 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		n++
		st, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("hq%d.db", n)), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		start := cpuTime(b)
		b.StartTimer()
		if err := mergeBenchBundle(st, path); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime(b) - start
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// envMergeChild makes the test binary a child that merges the bundle at
// the path it gives into a new database at the path on its second line.
const envMergeChild = "ACEDESK_BENCH_MERGE_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(envMergeChild); spec != "" {
		bundle, db, _ := strings.Cut(spec, "\n")
		st, err := store.Open(db, store.Options{})
		if err == nil {
			err = mergeBenchBundle(st, bundle)
			st.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		// The parent cannot read this from the rusage: Linux carries the
		// parent's own peak into a child's at exec.
		status, err := os.ReadFile("/proc/self/status")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for line := range strings.Lines(string(status)) {
			if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				fmt.Print(strings.TrimSuffix(strings.TrimSpace(kb), " kB"))
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// BenchmarkBundleMergeNewProcess times each merge in a process of its own,
// start to exit, as an operator runs acedesk merge: a new process faults in
// every page its heap grows to, which the heap BenchmarkBundleMerge reuses
// does not. peak-MB is the child's largest resident size.
func BenchmarkBundleMergeNewProcess(b *testing.B) {
	path := benchBundle(b)
	// What building the chapter left is handed back, so that the child
	// does not start where this process's heap has just been.
	debug.FreeOSMemory()
	n, peak := 0, 0
	var cpu time.Duration
	for b.Loop() {
		n++
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), envMergeChild+"="+path+"\n"+filepath.Join(b.TempDir(), fmt.Sprintf("hq%d.db", n)))
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("merge in a new process: %v\n%s", err, stderr.String())
		}
		kb, err := strconv.Atoi(string(out))
		if err != nil {
			b.Fatalf("the child's peak: %q", out)
		}
		peak = max(peak, kb)
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(peak)/1024, "peak-MB")
}
