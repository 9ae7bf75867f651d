package store

import (
	"bytes"
	"encoding/json"
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
// transaction. With changes, it keeps only the records changed after the
// last recorded export (everything when there was none); since is that
// export's sequence number and upTo the last one this read covers.
func (s *Store) BundleRecords(changes bool) (d app.BundleData, since, upTo uint64, err error) {
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
		return readBundleRecords(tx, &d, keep, since)
	})
	return d, since, upTo, err
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

// readBundleRecords decodes every bucket the bundle carries, keeping the
// records keep accepts by their audit entity and ID.
func readBundleRecords(tx *bolt.Tx, d *app.BundleData, keep func(entity string, id uint64) bool, since uint64) error {
	var err error
	if d.Members, err = decodeAll(tx.Bucket(bucketMembers), func(m *app.Member) bool { return keep("member", m.ID) }); err != nil {
		return err
	}
	if d.Groups, err = decodeAll(tx.Bucket(bucketGroups), func(g *app.Group) bool { return keep("group", g.ID) }); err != nil {
		return err
	}
	if d.Events, err = decodeAll(tx.Bucket(bucketEvents), func(e *app.Event) bool { return keep("event", e.ID) }); err != nil {
		return err
	}
	if d.Contributions, err = decodeAll(tx.Bucket(bucketContributions), func(c *app.Contribution) bool { return keep("contribution", c.ID) }); err != nil {
		return err
	}
	if d.Decisions, err = decodeAll(tx.Bucket(bucketDecisions), func(x *app.Decision) bool { return keep("decision", x.ID) }); err != nil {
		return err
	}
	if d.Batches, err = decodeAll(tx.Bucket(bucketBatches), func(b *app.Batch) bool { return keep("batch", batchKey(*b)) }); err != nil {
		return err
	}
	if d.Levels, err = decodeAll(tx.Bucket(bucketHoldings), func(h *app.Holding) bool { return keep("holding", h.MemberID) }); err != nil {
		return err
	}
	if d.Certificates, err = decodeAll(tx.Bucket(bucketCertificates), func(c *app.Certificate) bool { return keep("certificate", certAuditID(*c)) }); err != nil {
		return err
	}
	d.Trophies = []app.BundleTrophy{}
	err = tx.Bucket(bucketTrophies).ForEach(func(k, v []byte) error {
		cut := bytes.LastIndexByte(k, '/')
		memberID, err := strconv.ParseUint(string(k[cut+1:]), 10, 64)
		if err != nil {
			return err
		}
		t := app.BundleTrophy{BatchID: string(k[:cut]), MemberID: memberID}
		var o app.TrophyOrder
		if err := json.Unmarshal(v, &o); err != nil {
			return err
		}
		t.Engraving, t.Status, t.Version = o.Engraving, o.Status, o.Version
		if keep("trophy:"+t.BatchID, memberID) {
			d.Trophies = append(d.Trophies, t)
		}
		return nil
	})
	if err != nil {
		return err
	}
	d.Audit = []app.AuditEntry{}
	c := tx.Bucket(bucketAudit).Cursor()
	for k, v := c.Seek(itob(since + 1)); k != nil; k, v = c.Next() {
		var e app.AuditEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		d.Audit = append(d.Audit, e)
	}
	return nil
}

// decodeAll decodes a bucket's JSON records in key order, keeping those
// keep accepts.
func decodeAll[T any](b *bolt.Bucket, keep func(*T) bool) ([]T, error) {
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
