package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Contributions are the most numerous records, and as JSON most of what a
// large merge writes: 264 bytes each, half of them field names. They are
// kept in a compact binary form instead (about 90 bytes), which a merge of
// 200,000 writes 40 MB less of. The form is a version byte, then
//
//	uvarint  id, member_id, event_id
//	varint   quantity, version
//	byte     0, or 1 followed by the override as a varint
//	strings  kind, date, title, evidence, status, override_reason
//	strings  created_at, updated_at as RFC 3339 text
//
// where a string is a uvarint length and its bytes. Times are kept as the
// text JSON had, so that reading one back gives exactly the time (and the
// zone) a JSON record gave; strings as JSON would have kept them, with an
// invalid UTF-8 byte as U+FFFD. A bundle still carries contributions as
// JSON lines (app.MarshalContribution).
const contributionRecordV1 = 1

var errBadContributionRecord = errors.New("damaged contribution record")

func encodeContribution(c *app.Contribution) ([]byte, error) {
	created, err := c.CreatedAt.MarshalText()
	if err != nil {
		return nil, err
	}
	updated, err := c.UpdatedAt.MarshalText()
	if err != nil {
		return nil, err
	}
	strs := [...]string{c.Kind, c.Date, c.Title, c.Evidence, c.Status, c.OverrideReason, string(created), string(updated)}
	// The version and override flag bytes, six varints, the strings.
	n := 2 + 6*binary.MaxVarintLen64
	for _, s := range strs {
		n += binary.MaxVarintLen64 + len(s)
	}
	b := make([]byte, 0, n)
	b = append(b, contributionRecordV1)
	b = binary.AppendUvarint(b, c.ID)
	b = binary.AppendUvarint(b, c.MemberID)
	b = binary.AppendUvarint(b, c.EventID)
	b = binary.AppendVarint(b, int64(c.Quantity))
	b = binary.AppendVarint(b, int64(c.Version))
	if c.Override == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, int64(*c.Override))
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			s = string([]rune(s))
		}
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b, nil
}

// contributionReader reads the fields of a record in order; after the
// first damage it meets, every field reads as zero.
type contributionReader struct {
	b   []byte
	bad bool
}

func (r *contributionReader) fail() { r.bad, r.b = true, nil }

// next reads one varint with decode (binary.Uvarint or binary.Varint).
func next[T uint64 | int64](r *contributionReader, decode func([]byte) (T, int)) T {
	v, n := decode(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *contributionReader) uvarint() uint64 { return next(r, binary.Uvarint) }

func (r *contributionReader) varint() int { return int(next(r, binary.Varint)) }

func (r *contributionReader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// str refuses invalid UTF-8, which encodeContribution never writes.
func (r *contributionReader) str() string {
	s := r.bytes()
	if !utf8.Valid(s) {
		r.fail()
		return ""
	}
	return string(s)
}

func (r *contributionReader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalText(r.bytes()); err != nil {
		r.fail()
	}
	return t
}

// override reads the flag byte and, after a 1, the value.
func (r *contributionReader) override() *int {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail()
		return nil
	}
	set := r.b[0] == 1
	r.b = r.b[1:]
	if !set {
		return nil
	}
	v := r.varint()
	return &v
}

// decodeContribution reads a record encodeContribution made; the strings
// are copies, so the result outlives the transaction.
func decodeContribution(data []byte) (app.Contribution, error) {
	if len(data) == 0 || data[0] != contributionRecordV1 {
		return app.Contribution{}, errBadContributionRecord
	}
	r := contributionReader{b: data[1:]}
	c := app.Contribution{ID: r.uvarint(), MemberID: r.uvarint(), EventID: r.uvarint(), Quantity: r.varint(), Version: r.varint(),
		Override: r.override()}
	c.Kind, c.Date, c.Title, c.Evidence, c.Status, c.OverrideReason = r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
	c.CreatedAt, c.UpdatedAt = r.time(), r.time()
	if r.bad || len(r.b) != 0 {
		return app.Contribution{}, errBadContributionRecord
	}
	return c, nil
}

func putContribution(b *bolt.Bucket, c *app.Contribution) error {
	data, err := encodeContribution(c)
	if err != nil {
		return err
	}
	return b.Put(itob(c.ID), data)
}

// getContribution reads the contribution under id; ok is false when
// there is none.
func getContribution(b *bolt.Bucket, id []byte) (c app.Contribution, ok bool, err error) {
	data := b.Get(id)
	if data == nil {
		return c, false, nil
	}
	c, err = decodeContribution(data)
	return c, true, err
}

// compactContributions rewrites the contributions JSON kept before
// schema 13 in the compact form.
func compactContributions(tx *bolt.Tx) error {
	b := tx.Bucket(bucketContributions)
	type record struct {
		key  []byte
		data []byte
	}
	var recs []record
	err := b.ForEach(func(k, v []byte) error {
		var c app.Contribution
		if err := json.Unmarshal(v, &c); err != nil {
			return fmt.Errorf("contribution %d: %w", btoi(k), err)
		}
		data, err := encodeContribution(&c)
		recs = append(recs, record{bytes.Clone(k), data})
		return err
	})
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := b.Put(r.key, r.data); err != nil {
			return err
		}
	}
	return nil
}
