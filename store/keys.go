package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

var keyChapter = []byte("chapter")

// storedKey is the chapter key as kept in the keys bucket. Only the seed
// is stored: the private key is derived from it.
type storedKey struct {
	Seed      []byte    `json:"seed"`
	CreatedAt time.Time `json:"created_at"`
}

// publicKeyAudit is what the audit records of a new key: never the seed.
type publicKeyAudit struct {
	KeyID     string    `json:"key_id"`
	PublicKey string    `json:"public_key"`
	CreatedAt time.Time `json:"created_at"`
}

// ChapterKey returns the chapter's signing key, making it on the first call.
func (s *Store) ChapterKey(ch app.Change) (ed25519.PrivateKey, time.Time, error) {
	var k storedKey
	var found bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		found, err = get(tx.Bucket(bucketKeys), keyChapter, &k)
		return err
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	if !found {
		if k, err = s.createChapterKey(ch); err != nil {
			return nil, time.Time{}, err
		}
	}
	if len(k.Seed) != ed25519.SeedSize {
		return nil, time.Time{}, fmt.Errorf("the stored chapter key is damaged (%d bytes)", len(k.Seed))
	}
	return ed25519.NewKeyFromSeed(k.Seed), k.CreatedAt, nil
}

// createChapterKey stores a new key unless another call stored one first,
// and returns the stored one.
func (s *Store) createChapterKey(ch app.Change) (storedKey, error) {
	var k storedKey
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketKeys)
		found, err := get(b, keyChapter, &k)
		if err != nil || found {
			return err
		}
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		k = storedKey{Seed: priv.Seed(), CreatedAt: ch.At.UTC()}
		if err := put(b, keyChapter, k); err != nil {
			return err
		}
		id := app.KeyID(pub)
		after := publicKeyAudit{KeyID: hex.EncodeToString(id[:]), PublicKey: base64.StdEncoding.EncodeToString(pub), CreatedAt: k.CreatedAt}
		return appendAudit(tx, ch, app.ActionCreate, "chapter_key", 0, nil, after)
	})
	return k, err
}
