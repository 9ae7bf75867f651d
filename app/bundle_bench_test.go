//go:build unix

package app_test

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/store"
)

// benchChapter is a chapter at the scale: 10,000 members and
// 200,000 contributions.
func benchChapter(b *testing.B) *app.Services {
	st, err := store.Open(filepath.Join(b.TempDir(), "chapter.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.CreateMembersAndContributions(app.DemoMembers(10000, 9), benchContributions, app.Change{Actor: "bench", At: apptest.Start}); err != nil {
		b.Fatal(err)
	}
	svc := app.NewServices(st, apptest.NewClock(apptest.Start), "bench")
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
		if _, err := app.ExportBundleFile(svc.Bundles, path, false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime(b)-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkBundleMerge verifies that bundle and merges it into an empty
// headquarters database.
func BenchmarkBundleMerge(b *testing.B) {
	path := filepath.Join(b.TempDir(), "chapter.acebundle")
	if _, err := app.ExportBundleFile(benchChapter(b).Bundles, path, false); err != nil {
		b.Fatal(err)
	}
	n := 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		n++
		st, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("hq%d.db", n)), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		hq := app.NewServices(st, apptest.NewClock(apptest.Start), "bench")
		start := cpuTime(b)
		b.StartTimer()
		bundle, err := app.OpenBundle(path)
		if err != nil {
			b.Fatal(err)
		}
		r, err := app.MergeVerified(context.Background(), hq.Bundles, bundle, false, nil)
		if err != nil || r.Counts[3].Added != 200000 {
			b.Fatalf("merge = %+v, %v", r.Counts, err)
		}
		b.StopTimer()
		cpu += cpuTime(b) - start
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}
