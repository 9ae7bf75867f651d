package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Every write is audited in its own transaction, so the audit sequence is
// the store's change sequence: a changes bundle holds the records whose
// audit entity and ID appear after the sequence number the last export
// recorded under keyBundleExported.
var keyBundleExported = []byte("bundle_exported_seq")

// BundleRecords reads the chapter's records for a bundle in one
// transaction, as stored (JSON), without decoding them. With changes, it
// keeps only the records changed after the last recorded export
// (everything when there was none); since is that export's sequence number
// and upTo the last one this read covers.
func (s *Store) BundleRecords(changes bool) (lines app.BundleLines, since, upTo uint64, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		upTo = tx.Bucket(bucketAudit).Sequence()
		if changes {
			if v := tx.Bucket(bucketMeta).Get(keyBundleExported); v != nil {
				since = btoi(v)
			}
		}
		keep := func(string, uint64) bool { return true }
		if since > 0 {
			touched := touchedSince(tx, since)
			keep = func(entity string, id uint64) bool {
				_, ok := touched[entity+"/"+strconv.FormatUint(id, 10)]
				return ok
			}
		}
		var err error
		lines, err = readBundleLines(tx, keep, since)
		return err
	})
	return lines, since, upTo, err
}

// touchedSince lists "entity/id" of every record audited after seq, from
// the audit index's keys alone (entity "/" id seq, 8 bytes each).
func touchedSince(tx *bolt.Tx, seq uint64) map[string]struct{} {
	out := map[string]struct{}{}
	tx.Bucket(bucketAuditIndex).ForEach(func(k, _ []byte) error {
		if len(k) < 17 || btoi(k[len(k)-8:]) <= seq {
			return nil
		}
		entity := string(k[:len(k)-17])
		out[entity+"/"+strconv.FormatUint(btoi(k[len(k)-16:len(k)-8]), 10)] = struct{}{}
		return nil
	})
	return out
}

// rawRecords copies out the stored records of a bucket that keep accepts by
// key and value, in key order.
func rawRecords(b *bolt.Bucket, keep func(k, v []byte) bool) [][]byte {
	out := [][]byte{}
	b.ForEach(func(k, v []byte) error {
		if keep(k, v) {
			out = append(out, bytes.Clone(v))
		}
		return nil
	})
	return out
}

// contributionLines are the stored contributions keep accepts as bundle
// lines, JSON made on every core (see encodeContribution).
func contributionLines(b *bolt.Bucket, keep func(k, v []byte) bool) ([][]byte, error) {
	out := rawRecords(b, keep)
	return out, app.InParallel(len(out), func(i int) error {
		c, err := decodeContribution(out[i])
		if err == nil {
			out[i], err = app.MarshalContribution(&c)
		}
		return err
	})
}

// readBundleLines takes every bucket the bundle carries, keeping the
// records keep accepts by their audit entity and ID.
func readBundleLines(tx *bolt.Tx, keep func(entity string, id uint64) bool, since uint64) (app.BundleLines, error) {
	byID := func(entity string) func(k, _ []byte) bool {
		return func(k, _ []byte) bool { return keep(entity, btoi(k)) }
	}
	lines := app.BundleLines{
		"members.jsonl":   rawRecords(tx.Bucket(bucketMembers), byID("member")),
		"groups.jsonl":    rawRecords(tx.Bucket(bucketGroups), byID("group")),
		"events.jsonl":    rawRecords(tx.Bucket(bucketEvents), byID("event")),
		"decisions.jsonl": rawRecords(tx.Bucket(bucketDecisions), byID("decision")),
		"levels.jsonl":    rawRecords(tx.Bucket(bucketLedger), func(k, _ []byte) bool { return keep("holding", btoi(k[2:])) }),
		"certificates.jsonl": rawRecords(tx.Bucket(bucketCertificates), func(k, _ []byte) bool {
			return keep("certificate", certAuditID(app.Certificate{Serial: string(k)}))
		}),
	}
	contributions, err := contributionLines(tx.Bucket(bucketContributions), byID("contribution"))
	if err != nil {
		return nil, err
	}
	lines["contributions.jsonl"] = contributions
	var bad error
	lines["batches.jsonl"] = rawRecords(tx.Bucket(bucketBatches), func(_, v []byte) bool {
		var b app.Batch
		if err := json.Unmarshal(v, &b); err != nil {
			bad = err
			return false
		}
		return keep("batch", batchKey(b))
	})
	trophies := [][]byte{}
	err = tx.Bucket(bucketTrophies).ForEach(func(k, v []byte) error {
		cut := bytes.LastIndexByte(k, '/')
		memberID, err := strconv.ParseUint(string(k[cut+1:]), 10, 64)
		if err != nil {
			return err
		}
		if !keep("trophy:"+string(k[:cut]), memberID) {
			return nil
		}
		var o app.TrophyOrder
		if err := json.Unmarshal(v, &o); err != nil {
			return err
		}
		line, err := json.Marshal(app.BundleTrophy{BatchID: string(k[:cut]), MemberID: memberID, Engraving: o.Engraving, Status: o.Status, Version: o.Version})
		trophies = append(trophies, line)
		return err
	})
	if err = errors.Join(bad, err); err != nil {
		return nil, err
	}
	lines["trophies.jsonl"] = trophies
	audit := [][]byte{}
	c := tx.Bucket(bucketAudit).Cursor()
	for k, v := c.Seek(itob(since + 1)); k != nil; k, v = c.Next() {
		audit = append(audit, bytes.Clone(v))
	}
	lines["audit.jsonl"] = audit
	if lines["deletions.jsonl"], err = deletedSince(tx, since); err != nil {
		return nil, err
	}
	return lines, nil
}

// deletableBuckets hold the records whose deletions a bundle carries.
var deletableBuckets = map[string][]byte{"member": bucketMembers, "group": bucketGroups, "event": bucketEvents, "contribution": bucketContributions}

// deletedSince lists, as deletions.jsonl lines, the records audited after
// seq that are no longer here: only a deletion removes one, and IDs are
// never reused. The audit index has each record's entries together, in
// sequence order, so the last one of a record says whether it is recent;
// records come in ID order, as the bucket has them, so one cursor walking
// alongside answers whether each is still there.
func deletedSince(tx *bolt.Tx, seq uint64) ([][]byte, error) {
	out := [][]byte{}
	for _, entity := range app.DeletableEntities {
		records := tx.Bucket(deletableBuckets[entity]).Cursor()
		rk, _ := records.First()
		prefix := []byte(entity + "/")
		c := tx.Bucket(bucketAuditIndex).Cursor()
		var id, last uint64
		flush := func() error {
			for rk != nil && btoi(rk) < id {
				rk, _ = records.Next()
			}
			if last <= seq || rk != nil && btoi(rk) == id {
				return nil
			}
			line, err := json.Marshal(app.BundleDeletion{Entity: entity, ID: id})
			out = append(out, line)
			return err
		}
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) != len(prefix)+16 {
				continue
			}
			if next := btoi(k[len(prefix) : len(prefix)+8]); next != id && last > 0 {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			id, last = btoi(k[len(prefix):len(prefix)+8]), btoi(k[len(prefix)+8:])
		}
		if last > 0 {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// decodeKept decodes a bucket's JSON records in key order, keeping those
// keep accepts.
func decodeKept[T any](b *bolt.Bucket, keep func(*T) bool) ([]T, error) {
	out := []T{}
	err := b.ForEach(func(_, v []byte) error {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return err
		}
		if keep(&x) {
			out = append(out, x)
		}
		return nil
	})
	return out, err
}

// RecordBundleExport remembers that the bundle m covers the audit up to
// m.UpTo, so that the next changes bundle starts after it, and audits the
// export.
func (s *Store) RecordBundleExport(m app.BundleManifest, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyBundleExported); v == nil || btoi(v) < m.UpTo {
			if err := meta.Put(keyBundleExported, itob(m.UpTo)); err != nil {
				return err
			}
		}
		rows := map[string]int{}
		for name, f := range m.Files {
			rows[name] = f.Rows
		}
		return appendAudit(tx, ch, "export", "bundle", m.UpTo, nil, map[string]any{
			"kind": m.Kind, "since": m.Since, "up_to": m.UpTo, "rows": rows, "key_id": m.KeyID})
	})
}
