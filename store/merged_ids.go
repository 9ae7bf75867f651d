package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// merged_ids keeps, for each chapter and kind, where the chapter's records
// went, in blocks of mergedBlockIDs source IDs under chapter \0 kind code,
// block number (big-endian): a value is, per record in the block in ID
// order, the uvarint offset of its source ID in the block and the uvarint
// local ID. One key per record (until schema 11) made a quarter of a large
// merge's bbolt writes; chapters number records densely, so a block is
// nearly full.
const mergedBlockIDs = 1024

var errDamagedMergedIDs = errors.New("damaged merged_ids entry")

func mergedBlockKey(chapter string, code byte, block uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(chapter+"\x00"), code), block)
}

// decodeMergedBlock calls fn with each source and local ID of a block.
func decodeMergedBlock(block uint64, v []byte, fn func(src, local uint64)) error {
	for len(v) > 0 {
		off, n := binary.Uvarint(v)
		if n <= 0 || off >= mergedBlockIDs {
			return errDamagedMergedIDs
		}
		local, m := binary.Uvarint(v[n:])
		if m <= 0 {
			return errDamagedMergedIDs
		}
		fn(block*mergedBlockIDs+off, local)
		v = v[n+m:]
	}
	return nil
}

// loadPlaced reads where the chapter's records went in earlier merges, in
// one pass over its merged_ids, so that resolving a reference is a map
// lookup (and safe on every core) rather than a bucket search.
func (m *merger) loadPlaced() error {
	kinds := map[byte]string{}
	for k, code := range kindCodes {
		kinds[code] = k
	}
	prefix := []byte(m.chapter + "\x00")
	c := m.tx.Bucket(bucketMergedIDs).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		rest := k[len(prefix):]
		if len(rest) != 9 || kinds[rest[0]] == "" {
			return errDamagedMergedIDs
		}
		kind := kinds[rest[0]]
		if m.local[kind] == nil {
			m.local[kind] = newIDMap(0)
		}
		if err := decodeMergedBlock(btoi(rest[1:]), v, m.local[kind].set); err != nil {
			return err
		}
	}
	return nil
}

// movedBlock notes that the block of a chapter's record changed.
func (m *merger) movedBlock(kind string, src uint64) {
	if m.moved[kind] == nil {
		m.moved[kind] = map[uint64]bool{}
	}
	m.moved[kind][src/mergedBlockIDs] = true
}

// flushPlaced writes the blocks that changed, from the merge's map of
// every placed record, in key order.
func (m *merger) flushPlaced() error {
	b := m.tx.Bucket(bucketMergedIDs)
	kinds := slices.SortedFunc(maps.Keys(m.moved), func(a, b string) int { return int(kindCodes[a]) - int(kindCodes[b]) })
	for _, kind := range kinds {
		placed := m.local[kind]
		for _, block := range slices.Sorted(maps.Keys(m.moved[kind])) {
			var v []byte
			for off := range uint64(mergedBlockIDs) {
				if local, ok := placed.get(block*mergedBlockIDs + off); ok {
					v = binary.AppendUvarint(binary.AppendUvarint(v, off), local)
				}
			}
			key := mergedBlockKey(m.chapter, kindCodes[kind], block)
			var err error
			if v == nil {
				err = b.Delete(key)
			} else {
				err = b.Put(key, v)
			}
			if err != nil {
				return err
			}
		}
	}
	m.moved = map[string]map[uint64]bool{}
	return nil
}

// blockMergedIDs moves merged_ids from one key per record (chapter \0
// kind code, source ID → local ID) to blocks.
func blockMergedIDs(tx *bolt.Tx) error {
	b := tx.Bucket(bucketMergedIDs)
	type entry struct{ src, local uint64 }
	blocks := map[string][]entry{}
	err := takeKeys(b, func(k, v []byte) (bool, error) {
		if len(k) < 10 || k[len(k)-10] != 0 || len(v) != 8 {
			return false, errDamagedMergedIDs
		}
		src := btoi(k[len(k)-8:])
		key := string(mergedBlockKey(string(k[:len(k)-10]), k[len(k)-9], src/mergedBlockIDs))
		blocks[key] = append(blocks[key], entry{src, btoi(v)})
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, key := range slices.Sorted(maps.Keys(blocks)) {
		var v []byte
		// ForEach went in key order: each block's entries are in ID order.
		for _, e := range blocks[key] {
			v = binary.AppendUvarint(binary.AppendUvarint(v, e.src%mergedBlockIDs), e.local)
		}
		if err := b.Put([]byte(key), v); err != nil {
			return err
		}
	}
	return nil
}
