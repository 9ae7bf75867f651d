package store

import (
	"encoding/json"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// appendAudit records a change inside the transaction that makes it. The
// audit bucket has no delete path: entries are only ever appended.
func appendAudit(tx *bolt.Tx, c app.Change, action, entity string, id uint64, before, after any) error {
	b := tx.Bucket(bucketAudit)
	// The audit only ever appends: pages split at bbolt's default half
	// would stay half empty, and the audit is most of a database.
	b.FillPercent = 1
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	e := app.AuditEntry{ID: seq, At: c.At, Actor: c.Actor, Action: action, Entity: entity, EntityID: id, Reason: c.Reason}
	if e.Before, err = marshalOrNull(before); err != nil {
		return err
	}
	if e.After, err = marshalOrNull(after); err != nil {
		return err
	}
	if err := put(b, itob(seq), e); err != nil {
		return err
	}
	return tx.Bucket(bucketAuditIndex).Put(auditIndexKey(entity, id, seq), nil)
}

func marshalOrNull(v any) (json.RawMessage, error) {
	if v == nil {
		return json.RawMessage("null"), nil
	}
	return json.Marshal(v)
}

func auditIndexKey(entity string, id, seq uint64) []byte {
	k := append([]byte(entity+"/"), itob(id)...)
	if seq == 0 {
		return k
	}
	return append(k, itob(seq)...)
}

// AuditFor lists one record's audit entries, oldest first.
func (s *Store) AuditFor(entity string, id uint64) ([]app.AuditEntry, error) {
	out := []app.AuditEntry{}
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := auditIndexKey(entity, id, 0)
		audit := tx.Bucket(bucketAudit)
		c := tx.Bucket(bucketAuditIndex).Cursor()
		for k, _ := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
			var e app.AuditEntry
			if _, err := get(audit, k[len(prefix):], &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
