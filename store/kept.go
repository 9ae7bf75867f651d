package store

import (
	"bytes"
	"strconv"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// kept stores one kind of versioned JSON record (groups, decisions,
// events) keyed by a sequence ID, auditing every write. meta points at the
// record's ID, Version and timestamps.
type kept[T any] struct {
	bucket []byte
	entity string // audit entity, and the not-found reason's prefix
	meta   func(*T) (id *uint64, version *int, created, updated *time.Time)
}

func (k kept[T]) load(tx *bolt.Tx, id uint64) (T, error) {
	var v T
	ok, err := get(tx.Bucket(k.bucket), itob(id), &v)
	if err != nil {
		return v, err
	}
	if !ok {
		return v, app.Errorf(app.CodeNotFound, k.entity+"_not_found", "no %s with id %d", k.entity, id).
			WithParams("id", strconv.FormatUint(id, 10))
	}
	return v, nil
}

// nextID reserves an ID, for a record that others must refer to before it
// is created.
func (k kept[T]) nextID(tx *bolt.Tx) (uint64, error) { return tx.Bucket(k.bucket).NextSequence() }

// create stores a new record under its ID, or a new one when it has none.
func (k kept[T]) create(tx *bolt.Tx, v T, ch app.Change) (T, error) {
	id, version, created, updated := k.meta(&v)
	if *id == 0 {
		var err error
		if *id, err = k.nextID(tx); err != nil {
			return v, err
		}
	}
	*version, *created, *updated = 1, ch.At, ch.At
	if err := put(tx.Bucket(k.bucket), itob(*id), v); err != nil {
		return v, err
	}
	return v, appendAudit(tx, ch, app.ActionCreate, k.entity, *id, nil, v)
}

// update saves v over the stored record if v's Version is the stored one,
// and returns the new record and the old one.
func (k kept[T]) update(tx *bolt.Tx, v T, action string, ch app.Change) (T, T, error) {
	id, version, created, updated := k.meta(&v)
	old, err := k.checkVersion(tx, *id, *version)
	if err != nil {
		return v, old, err
	}
	_, _, oldCreated, _ := k.meta(&old)
	*version, *created, *updated = *version+1, *oldCreated, ch.At
	if err := put(tx.Bucket(k.bucket), itob(*id), v); err != nil {
		return v, old, err
	}
	return v, old, appendAudit(tx, ch, action, k.entity, *id, old, v)
}

// remove deletes the record if version is the stored one and returns it.
func (k kept[T]) remove(tx *bolt.Tx, id uint64, version int, ch app.Change) (T, error) {
	old, err := k.checkVersion(tx, id, version)
	if err != nil {
		return old, err
	}
	if err := tx.Bucket(k.bucket).Delete(itob(id)); err != nil {
		return old, err
	}
	return old, appendAudit(tx, ch, app.ActionDelete, k.entity, id, old, nil)
}

func (k kept[T]) checkVersion(tx *bolt.Tx, id uint64, version int) (T, error) {
	old, err := k.load(tx, id)
	if err != nil {
		return old, err
	}
	if _, stored, _, _ := k.meta(&old); *stored != version {
		return old, app.Errorf(app.CodeConflict, "stale", "%s %d was changed by someone else: reload and try again", k.entity, id)
	}
	return old, nil
}

// all decodes every record, in ID order, keeping those keep accepts (all
// when keep is nil).
func (k kept[T]) all(tx *bolt.Tx, keep func(*T) bool) ([]T, error) {
	if keep == nil {
		keep = func(*T) bool { return true }
	}
	return decodeKept(tx.Bucket(k.bucket), keep)
}

// swapRefs moves member references from the IDs in before to those in
// after (0 is no member), so HasHistory sees leads, organizers and
// decided members.
func swapRefs(tx *bolt.Tx, before, after []uint64) error {
	for _, id := range before {
		if id != 0 {
			if err := addMemberRef(tx, id, -1); err != nil {
				return err
			}
		}
	}
	for _, id := range after {
		if id != 0 {
			if err := addMemberRef(tx, id, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// takeKeys calls take with every key and value of b, then deletes the
// keys take took (returned true for), so a migration can rewrite them:
// bbolt does not allow deleting while ForEach walks the bucket. The key
// and value take is given are valid only during the call.
func takeKeys(b *bolt.Bucket, take func(k, v []byte) (bool, error)) error {
	var taken [][]byte
	err := b.ForEach(func(k, v []byte) error {
		ok, err := take(k, v)
		if ok {
			taken = append(taken, bytes.Clone(k))
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, k := range taken {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
