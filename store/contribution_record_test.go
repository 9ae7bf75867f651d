package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"

	bolt "go.etcd.io/bbolt"
)

// viaJSON is c as a JSON record gave it back, which the compact form must
// match field for field.
func viaJSON(t *testing.T, c app.Contribution) (app.Contribution, error) {
	t.Helper()
	data, err := json.Marshal(c)
	if err != nil {
		return app.Contribution{}, err
	}
	var back app.Contribution
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	return back, nil
}

func sameAsJSON(t *testing.T, c app.Contribution) {
	t.Helper()
	want, wantErr := viaJSON(t, c)
	data, err := encodeContribution(&c)
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("encode %+v: error %v, JSON's %v", c, err, wantErr)
	}
	if err != nil {
		return
	}
	got, err := decodeContribution(data)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, %v\nwant       %+v", got, err, want)
	}
}

func TestContributionRecordReadsBackAsJSONDid(t *testing.T) {
	three, minus := 3, -40
	for _, c := range []app.Contribution{
		{},
		{ID: 1, MemberID: 7, Kind: "article", Date: "2026-01-01", Quantity: 1, Status: app.StatusApproved, Version: 1,
			CreatedAt: apptest.Start, UpdatedAt: apptest.Start.Add(time.Hour)},
		{ID: 1 << 40, MemberID: 1<<64 - 1, EventID: 99, Kind: "forum_beans", Quantity: -5, Title: "PG 内核解读 <b>", Evidence: "https://例子.cn/a?b=1&c=2",
			Status: app.StatusRejected, Override: &three, OverrideReason: "理事会决定", Version: 1 << 31},
		{Override: &minus, Title: "bad \xff\xfe utf-8 \u2028", OverrideReason: "\x00"},
		{CreatedAt: time.Date(2026, 3, 14, 9, 0, 0, 123456789, time.FixedZone("CST", 8*3600)),
			UpdatedAt: time.Date(1999, 12, 31, 23, 59, 59, 0, time.FixedZone("", -(3*3600+30*60)))},
		{CreatedAt: time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local), UpdatedAt: time.Date(2026, 3, 14, 9, 0, 0, 0, time.FixedZone("", 0))},
		{CreatedAt: time.Date(1850, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 29143))},
		// JSON cannot keep these; neither can the compact form.
		{CreatedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{UpdatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 25*3600))},
	} {
		sameAsJSON(t, c)
	}
}

func FuzzContributionRecord(f *testing.F) {
	f.Add(uint64(1), uint64(2), "article", "标题", "\xff", 5, true, int64(1773478800), 3600)
	f.Fuzz(func(t *testing.T, id, member uint64, kind, title, evidence string, quantity int, override bool, unix int64, offset int) {
		c := app.Contribution{ID: id, MemberID: member, Kind: kind, Title: title, Evidence: evidence, Quantity: quantity,
			CreatedAt: time.Unix(unix, int64(quantity)).In(time.FixedZone("", offset%(30*3600)))}
		if override {
			c.Override = &quantity
		}
		sameAsJSON(t, c)
	})
}

// FuzzDecodeContributionRecord: damaged bytes are refused, never a panic,
// and what is accepted writes back to a record that reads the same.
func FuzzDecodeContributionRecord(f *testing.F) {
	c := app.Contribution{ID: 1, Kind: "article", CreatedAt: apptest.Start}
	good, _ := encodeContribution(&c)
	f.Add(good)
	f.Add([]byte{contributionRecordV1})
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := decodeContribution(data)
		if err != nil {
			if !errors.Is(err, errBadContributionRecord) {
				t.Fatalf("error %v", err)
			}
			return
		}
		again, err := encodeContribution(&c)
		if err != nil {
			t.Fatalf("re-encode %+v: %v", c, err)
		}
		if back, err := decodeContribution(again); err != nil || !reflect.DeepEqual(back, c) {
			t.Errorf("%+v read back as %+v, %v", c, back, err)
		}
	})
}

func TestDamagedContributionRecordIsRefused(t *testing.T) {
	c := app.Contribution{ID: 300, MemberID: 7, Kind: "article", Title: "标题", CreatedAt: apptest.Start, UpdatedAt: apptest.Start}
	good, err := encodeContribution(&c)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := apptest.Start.MarshalText()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"another version", append([]byte{2}, good[1:]...)},
		{"JSON", []byte(`{"id":300}`)},
		{"cut short", good[:len(good)-1]},
		{"a byte more", append(append([]byte{}, good...), 0)},
		// version, ID (2 bytes), member, event, quantity, version, then the flag
		{"override flag 2", append(append(bytes.Clone(good[:7]), 2), good[8:]...)},
		{"not a time", append(bytes.Clone(good[:len(good)-len(text)]), bytes.Repeat([]byte("x"), len(text))...)},
		{"a title not UTF-8", bytes.Replace(good, []byte("标题"), bytes.Repeat([]byte{0xff}, len("标题")), 1)},
	} {
		if got, err := decodeContribution(tc.data); !errors.Is(err, errBadContributionRecord) {
			t.Errorf("%s: %+v, %v; want errBadContributionRecord", tc.name, got, err)
		}
	}
	if got, err := decodeContribution(good); err != nil || got.ID != 300 || got.Title != "标题" {
		t.Errorf("the good record: %+v, %v", got, err)
	}
}

// TestContributionRecordIsCompact: the point of the form, against the
// JSON a merged contribution took.
func TestContributionRecordIsCompact(t *testing.T) {
	c := app.Contribution{ID: 123456, MemberID: 9876, Kind: "talk_regional", Date: "2026-03-01", Quantity: 1401, Status: app.StatusApproved,
		Version: 1, CreatedAt: apptest.Start, UpdatedAt: apptest.Start}
	js, _ := json.Marshal(c)
	data, err := encodeContribution(&c)
	if got, want := len(data), len(js)*2/5; err != nil || got > want {
		t.Errorf("%d bytes (JSON %d), %v; want at most %d", got, len(js), err, want)
	}
}

// TestMigrationThirteenCompactsContributions: JSON records of an older
// schema read back the same, and are kept in the compact form.
func TestMigrationThirteenCompactsContributions(t *testing.T) {
	if m := migrations[12]; m.Version != 13 || m.Name != "contributions in a compact form" {
		t.Fatalf("migration 13 is %d %q", m.Version, m.Name)
	}
	five := 5
	want := []app.Contribution{
		{ID: 1, MemberID: 1, Kind: "article", Date: "2026-01-05", Quantity: 1, Title: "第一篇", Status: app.StatusApproved, Version: 2,
			CreatedAt: apptest.Start, UpdatedAt: apptest.Start.Add(time.Minute)},
		{ID: 7, MemberID: 1, Kind: "forum_beans", Date: "2026-02-01", Quantity: 700, Status: app.StatusPending, Override: &five,
			OverrideReason: "理事会", EventID: 3, Version: 1, CreatedAt: apptest.Start.In(time.FixedZone("", 8*3600)), UpdatedAt: apptest.Start},
	}
	s, _ := upgraded(t, 12, func(old *Store) {
		err := old.db.Update(func(tx *bolt.Tx) error {
			for _, c := range want {
				if err := put(tx.Bucket(bucketContributions), itob(c.ID), c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	for _, c := range want {
		w, _ := viaJSON(t, c)
		got, err := s.GetContribution(c.ID)
		if err != nil || !reflect.DeepEqual(got, w) {
			t.Errorf("contribution %d after the migration: %+v, %v\nwant %+v", c.ID, got, err, w)
		}
	}
	s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketContributions).ForEach(func(k, v []byte) error {
			if v[0] != contributionRecordV1 {
				t.Errorf("contribution %d is kept as %q", btoi(k), v)
			}
			return nil
		})
	})
}

// TestMigrationThirteenStopsAtADamagedRecord: the file stays at schema 12,
// with its records as they were.
func TestMigrationThirteenStopsAtADamagedRecord(t *testing.T) {
	path := t.TempDir() + "/acedesk.db"
	old, err := Open(path, Options{Migrations: migrations[:12]})
	if err != nil {
		t.Fatal(err)
	}
	old.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketContributions).Put(itob(4), []byte(`{"id":4,"quantity":"many"}`))
	})
	old.Close()
	if s, err := Open(path, Options{}); err == nil {
		s.Close()
		t.Fatal("Open migrated a damaged contribution")
	}
	old, err = Open(path, Options{Migrations: migrations[:12]})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if v, err := old.SchemaVersion(); err != nil || v != 12 {
		t.Errorf("schema %d, %v; want 12", v, err)
	}
	old.db.View(func(tx *bolt.Tx) error {
		if got := string(tx.Bucket(bucketContributions).Get(itob(4))); got != `{"id":4,"quantity":"many"}` {
			t.Errorf("the record is now %q", got)
		}
		return nil
	})
}
