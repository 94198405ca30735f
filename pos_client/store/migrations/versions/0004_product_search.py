"""Name search: each product's index text, and an FTS5 index over it kept by triggers.

`product.search` holds the text built by `pos_client.domain.search_text.index_text`
(Chinese characters one per token, pinyin and initials from central); `product_fts`
is an external-content FTS5 table over it, so the text is stored once.  Triggers keep
the index in step with every insert, upsert and delete, and an upsert that leaves the
text as it was does not touch the index.  The index follows product rowids, which
only VACUUM renumbers; the app never vacuums (after one, run the FTS 'rebuild').

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from pos_client.domain.search_text import index_text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# While a first catalog load is in progress the triggers stand aside (this settings key is
# set) and the whole index is rebuilt once at its end: a million rows index about ten
# times faster in one rebuild than row by row.  See store/snapshot.py.
PAUSED = "NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.rebuild_pending')"
TRIGGERS = (
    f"""CREATE TRIGGER product_fts_insert AFTER INSERT ON product WHEN {PAUSED} BEGIN
         INSERT INTO product_fts(rowid, search) VALUES (new.rowid, new.search);
       END""",
    f"""CREATE TRIGGER product_fts_delete AFTER DELETE ON product WHEN {PAUSED} BEGIN
         INSERT INTO product_fts(product_fts, rowid, search) VALUES ('delete', old.rowid, old.search);
       END""",
    f"""CREATE TRIGGER product_fts_update AFTER UPDATE OF search ON product
       WHEN old.search IS NOT new.search AND {PAUSED} BEGIN
         INSERT INTO product_fts(product_fts, rowid, search) VALUES ('delete', old.rowid, old.search);
         INSERT INTO product_fts(rowid, search) VALUES (new.rowid, new.search);
       END""",
)


def upgrade() -> None:
    op.add_column("product", sa.Column("search", sa.Text, nullable=False, server_default=""))
    conn = op.get_bind()
    # Products already here get their text from what the till has (no pinyin until central
    # sends the product again; Chinese and English search work at once).
    rows = conn.execute(sa.text("SELECT rowid, name, name_en, brand FROM product")).all()
    if rows:
        conn.execute(sa.text("UPDATE product SET search = :search WHERE rowid = :rowid"),
                     [{"search": index_text(name, name_en, brand), "rowid": rowid}
                      for rowid, name, name_en, brand in rows])
    op.execute("CREATE VIRTUAL TABLE product_fts USING fts5(search, content='product', "
               "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='1 2')")
    op.execute("INSERT INTO product_fts(product_fts) VALUES ('rebuild')")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("product_fts_update", "product_fts_delete", "product_fts_insert"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE product_fts")
    with op.batch_alter_table("product") as batch:
        batch.drop_column("search")
