package store

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/merge"

	bolt "go.etcd.io/bbolt"
)

// envMergeChild makes the test binary a child that merges a large bundle
// into the database it names and stops in the middle of the transaction,
// waiting to be killed.
const envMergeChild = "ACEDESK_TEST_MERGE_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(envMergeChild); path != "" {
		os.Exit(mergeChild(path))
	}
	os.Exit(m.Run())
}

func mergeChild(path string) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	b := largeBundle(3000)
	_, err = mergeBundle(s, context.Background(), b, true, func(done, total int) {
		fmt.Printf("merging %d of %d\n", done, total)
		select {} // killed here, with the transaction open
	}, app.Change{Actor: "hq", At: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)})
	fmt.Fprintln(os.Stderr, "the merge ended without being killed:", err)
	return 1
}

// mergeBundle merges b with headquarters' policy, as the bundle service
// does.
func mergeBundle(s *Store, ctx context.Context, b *app.Bundle, acceptKey bool, progress app.Progress, ch app.Change) (app.MergeResult, error) {
	var res app.MergeResult
	err := s.Merge(b.Manifest.Chapter.ID, func(tx app.MergeTx) error {
		var err error
		res, err = merge.Bundle(ctx, tx, b, acceptKey, func(string) ([]rune, error) { return nil, nil }, progress, ch)
		return err
	})
	return res, err
}

// largeBundle is a chapter's verified bundle of n members with a
// contribution each.
func largeBundle(n int) *app.Bundle {
	pub, _, _ := ed25519.GenerateKey(nil)
	b := &app.Bundle{Name: "large.acebundle", PublicKey: pub,
		Manifest: app.BundleManifest{Chapter: app.BundleChapter{ID: "SZ", Name: "深圳"}, Kind: app.BundleFull},
		Load:     func() error { return nil }}
	for i := 1; i <= n; i++ {
		b.Data.Members = append(b.Data.Members, app.Member{ID: uint64(i), Name: fmt.Sprintf("成员%d", i), Phone: fmt.Sprintf("139%08d", i), Version: 1})
		b.Data.Contributions = append(b.Data.Contributions, app.Contribution{ID: uint64(i), MemberID: uint64(i), Kind: "article",
			Date: "2026-02-01", Quantity: 1, Status: app.StatusApproved, Version: 1})
	}
	return b
}

// dump is every bucket's sequence and key/value pairs.
func dump(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	db, err := bolt.Open(path, FileMode, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			m := map[string]string{"\x00sequence": fmt.Sprint(b.Sequence())}
			out[string(name)] = m
			return b.ForEach(func(k, v []byte) error {
				m[string(k)] = string(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestKilledMergeLeavesTheDatabaseAsBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hq.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := app.Change{Actor: "hq", At: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	if _, err := s.CreateMember(app.Member{Name: "欧阳喆", Phone: "13800000001"}, at); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := dump(t, path)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envMergeChild+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "merging ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v; stderr %s", line, err, stderr.String())
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred code runs
		t.Fatal(err)
	}
	cmd.Wait()

	if after := dump(t, path); !reflect.DeepEqual(after, before) {
		t.Errorf("the database changed after a merge killed at %q", strings.TrimSpace(line))
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := mergeBundle(s, context.Background(), largeBundle(3000), true, nil, at)
	if err != nil || r.Counts[0].Added != 3000 {
		t.Fatalf("merging again after the kill = %+v, %v", r.Counts, err)
	}
}

func TestCancelledMergeChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hq.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	progressed := 0
	_, err = mergeBundle(s, ctx, largeBundle(3000), true, func(done, total int) {
		progressed = done
		cancel()
	}, app.Change{Actor: "hq", At: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)})
	if app.AsError(err).Reason != "cancelled" || progressed == 0 {
		t.Fatalf("cancelled merge = %v after %d records", err, progressed)
	}
	if n, _ := s.CountMembers(); n != 0 {
		t.Errorf("members after a cancelled merge = %d, want 0", n)
	}
	chapters, _ := s.MergedChapters()
	if len(chapters) != 0 {
		t.Errorf("chapters after a cancelled merge = %+v", chapters)
	}
	s.Close()
}
