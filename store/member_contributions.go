package store

import (
	"errors"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// contrib_by_member keeps, under each member's ID, the IDs of the member's
// contributions in ascending order, 8 big-endian bytes each (since schema
// 12). One key per contribution, as before, made this index a third of a
// large merge's bbolt writes; the list is only ever read whole.

var errDamagedMemberContributions = errors.New("damaged contrib_by_member entry")

// memberContributionIDs lists a member's contributions.
func memberContributionIDs(tx *bolt.Tx, memberID uint64) ([]uint64, error) {
	v := tx.Bucket(bucketContribByMember).Get(itob(memberID))
	if len(v)%8 != 0 {
		return nil, errDamagedMemberContributions
	}
	out := make([]uint64, len(v)/8)
	for i := range out {
		out[i] = btoi(v[8*i : 8*i+8])
	}
	return out, nil
}

// addMemberContributions adds ids (ascending, none listed yet) to the
// member's list.
func addMemberContributions(tx *bolt.Tx, memberID uint64, ids ...uint64) error {
	have, err := memberContributionIDs(tx, memberID)
	if err != nil {
		return err
	}
	return putMemberContributions(tx, memberID, mergeSorted(have, ids))
}

func removeMemberContribution(tx *bolt.Tx, memberID, id uint64) error {
	have, err := memberContributionIDs(tx, memberID)
	if err != nil {
		return err
	}
	return putMemberContributions(tx, memberID, slices.DeleteFunc(have, func(x uint64) bool { return x == id }))
}

// putMemberContributions writes a member's list, deleting the key of an
// empty one. The value is new: bbolt keeps it until the commit.
func putMemberContributions(tx *bolt.Tx, memberID uint64, ids []uint64) error {
	b := tx.Bucket(bucketContribByMember)
	if len(ids) == 0 {
		return b.Delete(itob(memberID))
	}
	v := make([]byte, 0, 8*len(ids))
	for _, id := range ids {
		v = append(v, itob(id)...)
	}
	return b.Put(itob(memberID), v)
}

// mergeSorted merges two ascending lists.
func mergeSorted(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] <= b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// listMemberContributions moves contrib_by_member from one key per
// contribution (member ID, contribution ID → nothing) to one list per
// member.
func listMemberContributions(tx *bolt.Tx) error {
	b := tx.Bucket(bucketContribByMember)
	lists := map[uint64][]uint64{}
	err := takeKeys(b, func(k, _ []byte) (bool, error) {
		if len(k) != 16 {
			return false, errDamagedMemberContributions
		}
		// Keys come in order: each list comes out ascending.
		lists[btoi(k[:8])] = append(lists[btoi(k[:8])], btoi(k[8:]))
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, member := range slices.Sorted(maps.Keys(lists)) {
		if err := putMemberContributions(tx, member, lists[member]); err != nil {
			return err
		}
	}
	return nil
}
