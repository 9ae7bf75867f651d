package bundle_test

import (
	"bytes"
	"encoding/json"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/bundle"
	"acedesk/app/bundle/bundletest"
)

// allocated is how many bytes fn allocates on the heap, in all.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileBundlesAreRefusedByTheirLimitBeforeTheyFillMemory: bundles
// signed by their own key, small once zipped, whose data would take
// gigabytes once decoded. Each is refused naming the limit it hit, having
// allocated a few megabytes at most. They are made here rather than kept
// as files: the largest inflates to a quarter of a gigabyte.
func TestHostileBundlesAreRefusedByTheirLimitBeforeTheyFillMemory(t *testing.T) {
	good := bundletest.Sample(t)
	resign := bundletest.Resigner(t)
	// replace puts content in file, listing rows rows (as the manifest
	// of a hostile bundle may claim) and its true hash.
	replace := func(file string, content []byte, rows int) []byte {
		return bundletest.Rewrite(t, good, func(files map[string][]byte) {
			files[file] = content
			var m map[string]any
			json.Unmarshal(files[bundle.BundleManifestFile], &m)
			m["files"].(map[string]any)[file] = map[string]any{"rows": rows, "sha256": bundletest.SHA(string(content))}
			resign(files, m)
		})
	}
	newlines := bytes.Repeat([]byte{'\n'}, bundle.MaxBundleFileBytes-1)
	oneField := bytes.Repeat([]byte("{}\n"), 3_000_000)
	for _, tc := range []struct {
		name   string
		data   []byte
		reason string
		file   string
		detail string
	}{
		{"255 MB of bare newlines, rows within the limit", replace("groups.jsonl", newlines, bundle.MaxBundleRows["groups.jsonl"]),
			bundle.BundleBadEncoding, "groups.jsonl", "line 1: "},
		// Refused by the manifest alone: the file's size does not matter.
		{"bare newlines, 255 million rows listed", replace("groups.jsonl", newlines[:1000], len(newlines)),
			bundle.BundleTooManyRows, "groups.jsonl", "at most 10000"},
		{"3 million one-field rows, listed", replace("contributions.jsonl", oneField, 3_000_000),
			bundle.BundleTooManyRows, "contributions.jsonl", "at most 1000000"},
		{"3 million one-field rows, 2 listed", replace("contributions.jsonl", oneField, 2),
			bundle.BundleRowCount, "contributions.jsonl", "the file has more"},
		{"one line of 2 MB", replace("members.jsonl", append(bytes.Repeat([]byte(" "), 2<<20), '\n'), 1),
			bundle.BundleLineTooLong, "members.jsonl", "longer than 1048576 bytes"},
		{"a negative row count", replace("members.jsonl", []byte("{}\n"), -1),
			bundle.BundleBadManifest, "members.jsonl", "negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocated(func() { _, err = bundle.ReadBundle(bytes.NewReader(tc.data), int64(len(tc.data)), "hostile.acebundle") })
			e := app.AsError(err)
			if e == nil || e.Reason != tc.reason || e.Params["file"] != tc.file || !strings.Contains(e.Message, tc.detail) {
				t.Fatalf("ReadBundle = %v, want %s naming %s with %q", err, tc.reason, tc.file, tc.detail)
			}
			if limit := uint64(32 << 20); alloc > limit {
				t.Errorf("refusing it allocated %d MB, want under %d", alloc>>20, limit>>20)
			}
			t.Logf("%d KB zipped, refused after allocating %s KB", len(tc.data)>>10, strconv.FormatUint(alloc>>10, 10))
		})
	}
}

// TestABundlesDataIsReadOnlyWhenLoaded: opening a bundle checks its
// manifest and signature only; a damaged data file is found by Load.
func TestABundlesDataIsReadOnlyWhenLoaded(t *testing.T) {
	good := bundletest.Sample(t)
	damaged := bundletest.Rewrite(t, good, func(f map[string][]byte) {
		f["members.jsonl"] = bytes.Replace(f["members.jsonl"], []byte("欧阳喆"), []byte("欧阳哲"), 1)
	})
	b, err := bundle.OpenBundle(bytes.NewReader(damaged), int64(len(damaged)), "sample.acebundle")
	if err != nil || len(b.Data.Members) != 0 {
		t.Fatalf("OpenBundle = %v with %d members; want the manifest only", err, len(b.Data.Members))
	}
	if err := b.Load(); app.AsError(err) == nil || app.AsError(err).Reason != bundle.BundleHashMismatch {
		t.Errorf("Load = %v, want %s", err, bundle.BundleHashMismatch)
	}
}
