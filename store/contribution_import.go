package store

import (
	"bytes"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// ContributionImportBasis reads, in one transaction, the members holding
// any of the phones or named exactly any of the names (archived ones too,
// so the import can say why it refuses them), and all their contributions.
func (s *Store) ContributionImportBasis(phones, names []string) (app.ImportBasis, error) {
	basis := app.ImportBasis{Members: []app.Member{}, Contributions: []app.Contribution{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		ids := map[uint64]bool{}
		byPhone := tx.Bucket(bucketPhones)
		for _, p := range phones {
			if holder := byPhone.Get([]byte(p)); p != "" && holder != nil {
				ids[btoi(holder)] = true
			}
		}
		// Search records begin with the lower-cased name: compare that part
		// and decode only the members it selects.
		wanted := map[string]bool{}
		for _, n := range names {
			if n != "" {
				wanted[string(bytes.ToLower([]byte(n)))] = true
			}
		}
		if len(wanted) > 0 {
			err := tx.Bucket(bucketMemberIndex).ForEach(func(k, v []byte) error {
				_, _, text := splitSearchRecord(v)
				name, _, _ := bytes.Cut(text, []byte("\x1f"))
				if wanted[string(name)] {
					ids[btoi(k)] = true
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for id := range ids {
			m, err := loadMember(tx, id)
			if err != nil {
				return err
			}
			basis.Members = append(basis.Members, m)
			contributions, err := memberContributionIDs(tx, id)
			if err != nil {
				return err
			}
			if basis.Contributions, err = loadContributions(tx, contributions, basis.Contributions); err != nil {
				return err
			}
		}
		return nil
	})
	return basis, err
}

// ImportContributions backs the database up to
// <db>.before-import-<time>.bak, then creates cs in one transaction (one
// with an ID is a pending record the file reviewed: its status is saved),
// each audited; a refusal (a member deleted since the file was checked) writes
// nothing. It returns the stored contributions in order and the backup's
// path.
func (s *Store) ImportContributions(cs []app.Contribution, c app.Change) ([]app.Contribution, string, error) {
	backup, err := s.backupBeforeImport(c)
	if err != nil {
		return nil, "", err
	}
	out := make([]app.Contribution, len(cs))
	err = s.db.Update(func(tx *bolt.Tx) error {
		for i, ct := range cs {
			var err error
			if ct.ID != 0 {
				// a row that reviews a pending record
				out[i], err = updateContribution(tx, ct, ct.Status, c)
			} else {
				out[i], err = createContribution(tx, ct, c)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, backup, nil
}
