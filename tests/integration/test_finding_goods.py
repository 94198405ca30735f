"""Finding goods: central imports a retailer's CSV, the tills receive it by sync and find products
by barcode, SKU, Chinese name, pinyin and initials; `pos-client lookup` answers the same."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select, text

from central.db import session_factory
from central.models import ChangeScope, Product
from central.server import EmbeddedCentral
from central.spoken_names import spoken_forms
from pos_client.services.checkout import UnknownCode
from pos_client.services.lookup import lookup
from pos_client.services.till import Till
from pos_client.store.database import make_engine, migrate
from tests.helpers import run_main as run

HEADER = "sku,barcode,name,name_en,category,brand,unit,price,member_price\n"
ROWS = [
    "TEA001,6901234567892,东方树叶 茉莉花茶 500ml,Oriental Leaf Jasmine Tea 500ml,饮料,农夫山泉,瓶,5.50,4.90",
    "TEA002,6920202888883|TEA-2-CASE,东方树叶 乌龙茶 500ml,Oriental Leaf Oolong 500ml,饮料,农夫山泉,瓶,5.5,",
    "NOODLE1,6901234567809,重庆小面 麻辣味,Chongqing Noodles Spicy,方便食品,白家,袋,12.90,",
]


def write_csv(path: Path, rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding=encoding)
    return path


def import_catalog(central: EmbeddedCentral, path: Path, *extra: str):
    return run("central.cli", "import-catalog", "--db", central.db_url, str(path), *extra)


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def skus(till: Till, typed: str) -> list[str]:
    return [m.item.sku for m in till.catalog.search(typed)]


def change_count(central: EmbeddedCentral) -> int:
    with session_factory(central.app.state.engine)() as s:
        return int(s.scalar(select(func.sum(ChangeScope.last_seq))) or 0)


def test_the_demo_catalog_is_found_by_initials_pinyin_and_chinese(till: Till,
                                                                  central: EmbeddedCentral) -> None:
    with session_factory(central.app.state.engine)() as s:
        products = s.execute(select(Product.sku, Product.name)).all()
    for sku, name in products[:25]:
        full, initials = spoken_forms(name)
        words = name.split()
        assert sku in skus_all(till, initials.split()[0]), (name, initials)
        assert sku in skus_all(till, full.split()[0][:5]), (name, full)
        assert sku in skus_all(till, words[0][:2]), name
        assert sku in skus_all(till, " ".join(initials.split()[:2])), (name, initials)


def skus_all(till: Till, typed: str) -> list[str]:
    return [m.item.sku for m in till.catalog.search(typed, limit=1000)]


def test_imported_catalog_reaches_the_till_and_is_found_every_way(
        till: Till, central: EmbeddedCentral, tmp_path: Path) -> None:
    result = import_catalog(central, write_csv(tmp_path / "catalog.csv", ROWS))
    assert result.returncode == 0, result.stderr
    assert "3 new" in result.stdout
    sync(till)

    assert set(skus(till, "dfsy")) == {"TEA001", "TEA002"}
    assert skus(till, "cqxm") == ["NOODLE1"]
    assert skus(till, "重庆") == ["NOODLE1"]
    assert skus(till, "jasmine") == ["TEA001"]
    assert skus(till, "dfsy wl") == ["TEA002"]
    checkout = till.checkout()
    assert checkout.lookup("6901234567892").sku == "TEA001"
    assert checkout.lookup("TEA-2-CASE").sku == "TEA002"  # an internal code as a second barcode
    [found] = lookup(till.catalog, "6901234567892")
    assert found.matched_by == "barcode"
    assert (found.product.price, found.product.member_price) == (550, 490)
    assert found.product.barcodes == ("6901234567892",)
    assert lookup(till.catalog, "TEA002")[0].product.barcodes == ("6920202888883", "TEA-2-CASE")


def test_reimport_sends_only_what_changed_and_the_till_follows(
        till: Till, central: EmbeddedCentral, tmp_path: Path) -> None:
    assert import_catalog(central, write_csv(tmp_path / "v1.csv", ROWS)).returncode == 0
    sync(till)
    before = change_count(central)
    again = import_catalog(central, write_csv(tmp_path / "v1-again.csv", ROWS))
    assert again.returncode == 0 and "3 unchanged" in again.stdout
    assert change_count(central) == before  # nothing for the tills

    renamed = [ROWS[0].replace("茉莉花茶", "青柑普洱").replace("Jasmine", "Pu'er").replace("4.90", ""),
               ROWS[1].replace("|TEA-2-CASE", ""), ROWS[2].replace("12.90", "13.50")]
    result = import_catalog(central, write_csv(tmp_path / "v2.csv", renamed))
    assert result.returncode == 0, result.stderr
    assert "3 changed" in result.stdout and "-1" in result.stdout
    sync(till)
    assert skus(till, "茉莉") == []
    assert skus(till, "qgpe") == ["TEA001"]
    assert lookup(till.catalog, "TEA001")[0].product.member_price is None
    assert lookup(till.catalog, "NOODLE1")[0].product.price == 1350
    checkout = till.checkout()
    try:
        checkout.lookup("TEA-2-CASE")
        raise AssertionError("a barcode removed at central still scans")
    except UnknownCode:
        pass


def test_a_bad_file_is_refused_whole_with_every_line_and_reason(
        till: Till, central: EmbeddedCentral, tmp_path: Path) -> None:
    bad = [
        ROWS[0],
        "TEA009,6901234567891,坏条码,,,,,5.00,",            # check digit
        ",6901234567809,没有编号,,,,,5.00,",                 # no sku
        "TEA010,,价格不对,,,,,五块,",                         # price not an amount
        "TEA011,,会员价太高,,,,,5.00,6.00",                   # member price above price
        "TEA012,6901234567892,抢条码,,,,,5.00,",              # barcode of TEA001 on line 2
        "TEA013,,三位小数,,,,,5.001,",
    ]
    with session_factory(central.app.state.engine)() as s:
        count = s.scalar(select(func.count()).select_from(Product))
    before = change_count(central)
    result = import_catalog(central, write_csv(tmp_path / "bad.csv", bad), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["imported"] is False
    lines = {e["line"]: e["reason"] for e in report["errors"]}
    assert set(lines) == {3, 4, 5, 6, 7, 8}
    assert "check digit" in lines[3] and "sku is empty" in lines[4] and "五块" in lines[5]
    assert "above price" in lines[6] and "TEA001 on line 2" in lines[7] and "5.001" in lines[8]
    assert "nothing was imported" in result.stderr
    with session_factory(central.app.state.engine)() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == count
    assert change_count(central) == before


def test_a_file_excel_saved_as_gb18030_imports(central: EmbeddedCentral, tmp_path: Path) -> None:
    result = import_catalog(central, write_csv(tmp_path / "gbk.csv", ROWS, encoding="gb18030"))
    assert result.returncode == 0, result.stderr
    with session_factory(central.app.state.engine)() as s:
        assert s.get(Product, "NOODLE1").name == "重庆小面 麻辣味"


def test_a_file_without_the_required_columns_says_which(central: EmbeddedCentral, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("code,title\n1,x\n", encoding="utf-8")
    result = import_catalog(central, path)
    assert result.returncode == 1
    assert "sku" in result.stderr and "nothing was imported" in result.stderr


def test_lookup_command_prints_matches_with_price_and_stock(till: Till, central: EmbeddedCentral,
                                                            tmp_path: Path) -> None:
    assert import_catalog(central, write_csv(tmp_path / "c.csv", ROWS)).returncode == 0
    sync(till)
    data = str(till.paths.data_dir)
    till.close()
    by_name = run("pos_client", "lookup", "cqxm", "--json", "--data-dir", data)
    assert by_name.returncode == 0, by_name.stderr
    [hit] = json.loads(by_name.stdout)
    assert hit["sku"] == "NOODLE1" and hit["matched_by"] == "name" and hit["price"] == 1290
    assert hit["on_hand"] is None  # no stock of a new product in S001 yet
    demo = run("pos_client", "lookup", "SKU0000001", "--json", "--data-dir", data)
    [one] = json.loads(demo.stdout)
    assert one["matched_by"] == "sku" and isinstance(one["on_hand"], int)
    missing = run("pos_client", "lookup", "zzzzzz", "--data-dir", data)
    assert missing.returncode == 1 and "no product matches" in missing.stderr


def test_a_till_database_from_before_search_is_searchable_after_the_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "pos.db"
    engine = make_engine(db)
    migrate(engine, db, tmp_path / "backups", to="0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO product VALUES "
                          "('SKU1','可口可乐 经典','Coca-Cola Classic','饮料','可口可乐','瓶')"))
        conn.execute(text("INSERT INTO price VALUES ('SKU1','chain',350)"))
    migrate(engine, db, tmp_path / "backups")
    from pos_client.store.catalog import CatalogReader

    catalog = CatalogReader(engine)
    assert [m.item.sku for m in catalog.search("可乐")] == ["SKU1"]
    assert [m.item.sku for m in catalog.search("coca")] == ["SKU1"]
    with engine.begin() as conn:  # later changes keep the index in step (triggers)
        conn.execute(text("UPDATE product SET name='雪碧', search='雪 碧' WHERE sku='SKU1'"))
    assert catalog.search("可乐") == [] and [m.item.sku for m in catalog.search("雪碧")] == ["SKU1"]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM product WHERE sku='SKU1'"))
    assert catalog.search("雪碧") == []
    engine.dispose()


def test_a_first_load_cut_off_is_indexed_when_the_load_is_done_again(tmp_path: Path) -> None:
    from pos_client.store.catalog import CatalogReader
    from pos_client.store.database import open_database
    from pos_client.store.snapshot import SEARCH_REBUILD_KEY, SnapshotWriter

    engine = open_database(tmp_path / "pos.db", tmp_path / "b")
    rows = [(f"SKU{i}", {"sku": f"SKU{i}", "name": f"可口可乐 {i}ml", "pinyin": f"kekoukele {i}ml",
                         "initials": f"kkkl {i}ml"}) for i in range(1, 201)]
    first = SnapshotWriter(engine, "product")
    first.add(rows[:100])
    first.close()  # the till lost power here: no finish, the index was never built
    catalog = CatalogReader(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM settings WHERE key = :k"),
                            {"k": SEARCH_REBUILD_KEY}).scalar() is not None
    again = SnapshotWriter(engine, "product")  # the next sync loads the snapshot again
    again.add(rows)
    again.finish()
    again.close()
    assert len(catalog.search("kkkl", limit=500)) == 200
    with engine.connect() as conn:  # the index holds exactly the products' text (raises if not)
        conn.exec_driver_sql("INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)")
    assert [m.item.sku for m in catalog.search("可乐 150")] == ["SKU150"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM settings WHERE key = :k"),
                            {"k": SEARCH_REBUILD_KEY}).scalar() == 0
    # After the first load the triggers keep the index: a change is searchable at once.
    with engine.begin() as conn:
        conn.execute(text("UPDATE product SET name = '雪碧', search = '雪 碧 xb' WHERE sku = 'SKU7'"))
    assert [m.item.sku for m in catalog.search("xb")] == ["SKU7"]
    engine.dispose()
