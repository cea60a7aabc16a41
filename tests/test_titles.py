import pytest

from kg.recognize.titles import is_title, strip_title, title_at


@pytest.mark.parametrize("span,name,title", [
    ("ゼレンスキー大統領", "ゼレンスキー", "大統領"),
    ("李強首相", "李強", "首相"),
    ("王毅外相", "王毅", "外相"),
    ("オースティン米国防長官", "オースティン", "米国防長官"),
    ("グテーレス国連事務総長", "グテーレス", "国連事務総長"),
    ("林芳正官房長官", "林芳正", "官房長官"),
    ("ザハロワ報道官", "ザハロワ", "報道官"),
    ("トランプ前大統領", "トランプ", "前大統領"),
    ("石破氏", "石破", "氏"),
    ("金与正副部長", "金与正", "副部長"),
    ("大統領", "大統領", ""),
    ("メドベージェフ", "メドベージェフ", ""),
])
def test_strip_title(span, name, title):
    got_name, got_title = strip_title(span)
    assert got_name == name
    assert got_title.endswith(title)


@pytest.mark.parametrize("text,pos,title", [
    ("バイデン大統領は記者団に語った", 4, "大統領"),
    ("習近平国家主席が演説した", 3, "国家主席"),
    ("ブリンケン国務長官と会談", 5, "国務長官"),
    ("エルドアン氏は", 5, "氏"),
    ("モディが訪れた", 3, ""),
])
def test_title_at(text, pos, title):
    assert title_at(text, pos) == title


def test_is_title_rejects_names():
    assert is_title("外務大臣") and is_title("元首相")
    assert not is_title("ウクライナ")
