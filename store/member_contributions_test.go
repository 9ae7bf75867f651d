package store

import (
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestMigrationTwelveListsContributionsPerMember: the per-contribution keys
// of an older contrib_by_member become one ascending list per member.
func TestMigrationTwelveListsContributionsPerMember(t *testing.T) {
	if m := migrations[11]; m.Version != 12 || m.Name != "contributions listed per member" {
		t.Fatalf("migration 12 is %d %q", m.Version, m.Name)
	}
	s, _ := upgraded(t, 11, func(old *Store) {
		err := old.db.Update(func(tx *bolt.Tx) error {
			for _, k := range [][2]uint64{{2, 9}, {1, 300}, {1, 5}, {1, 1 << 40}} {
				if err := tx.Bucket(bucketContribByMember).Put(append(itob(k[0]), itob(k[1])...), nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	s.db.View(func(tx *bolt.Tx) error {
		for _, tc := range []struct {
			member uint64
			want   string
		}{{1, fmt.Sprint([]uint64{5, 300, 1 << 40})}, {2, "[9]"}, {3, "[]"}} {
			ids, err := memberContributionIDs(tx, tc.member)
			if got := fmt.Sprint(ids); err != nil || got != tc.want {
				t.Errorf("member %d: contributions %s, %v; want %s", tc.member, got, err, tc.want)
			}
		}
		if n := tx.Bucket(bucketContribByMember).Stats().KeyN; n != 2 {
			t.Errorf("contrib_by_member has %d keys, want one per member, 2", n)
		}
		return nil
	})
}

// TestMemberContributionListsKeepOrder: additions in any order and
// removals leave each list ascending, and an emptied list leaves no key.
func TestMemberContributionListsKeepOrder(t *testing.T) {
	s := openTemp(t)
	steps := []struct {
		add    []uint64
		remove uint64
		want   string
	}{
		{add: []uint64{10, 20}, want: "[10 20]"},
		{add: []uint64{15}, want: "[10 15 20]"},
		{add: []uint64{1, 30}, want: "[1 10 15 20 30]"},
		{remove: 15, want: "[1 10 20 30]"},
		{remove: 99, want: "[1 10 20 30]"},
	}
	for i, st := range steps {
		err := s.db.Update(func(tx *bolt.Tx) error {
			if st.remove != 0 {
				return removeMemberContribution(tx, 7, st.remove)
			}
			return addMemberContributions(tx, 7, st.add...)
		})
		if err != nil {
			t.Fatal(err)
		}
		s.db.View(func(tx *bolt.Tx) error {
			ids, err := memberContributionIDs(tx, 7)
			if got := fmt.Sprint(ids); err != nil || got != st.want {
				t.Errorf("step %d: %s, %v; want %s", i, got, err, st.want)
			}
			return nil
		})
	}
	s.db.Update(func(tx *bolt.Tx) error {
		for _, id := range []uint64{1, 10, 20, 30} {
			if err := removeMemberContribution(tx, 7, id); err != nil {
				return err
			}
		}
		if v := tx.Bucket(bucketContribByMember).Get(itob(7)); v != nil {
			t.Errorf("an emptied list leaves %x", v)
		}
		return nil
	})
}
