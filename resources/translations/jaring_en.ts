<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="27"/>
        <source>Basis data tidak bisa dibuka:
%1

Periksa berkasnya atau pilih berkas lain dengan --db.</source>
        <translation>The database cannot be opened:
%1

Check the file, or choose another file with --db.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Nomor KK</source>
        <translation>Family card no. (KK)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Nama lengkap (sesuai KTP)</source>
        <translation>Full name (as on the KTP)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Status perkawinan</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Nama ibu kandung</source>
        <translation>Birth mother&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Desa/Kelurahan</source>
        <translation>Village (desa/kelurahan)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Kelompok sasaran</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Penghasilan per bulan (Rp)</source>
        <translation>Monthly income (Rp)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>JHT (Jaminan Hari Tua, pilihan)</source>
        <translation>JHT (Old Age Security, optional)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Sumber iuran</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Nama perusahaan (CSR)</source>
        <translation>Company name (CSR)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Periode bayar</source>
        <translation>Payment period</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>No. HP ahli waris</source>
        <translation>Heir&apos;s mobile no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Nomor KPJ</source>
        <translation>KPJ number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>L — Laki-laki</source>
        <translation>M — Male</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>P — Perempuan</source>
        <translation>F — Female</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Belum kawin</source>
        <translation>Single</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Kawin</source>
        <translation>Married</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Cerai hidup</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Cerai mati</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Petani / pekebun</source>
        <translation>Farmer / planter</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Nelayan</source>
        <translation>Fisher</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Peternak</source>
        <translation>Livestock farmer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Usaha mikro dan kecil (UMKM)</source>
        <translation>Micro or small business (UMKM)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Atlet / olahragawan</source>
        <translation>Athlete / sportsperson</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Pegawai non-ASN</source>
        <translation>Non-civil-servant staff (non-ASN)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Warga miskin / rentan</source>
        <translation>Poor / vulnerable resident</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Pekerja informal lainnya</source>
        <translation>Other informal worker</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>APBD kabupaten</source>
        <translation>Regency budget (APBD)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>CSR perusahaan</source>
        <translation>Company CSR</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>Mandiri (bayar sendiri)</source>
        <translation>Self-paid (mandiri)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Suami/istri</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Saudara kandung</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>1 bulan</source>
        <translation>1 month</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>3 bulan</source>
        <translation>3 months</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>6 bulan</source>
        <translation>6 months</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>12 bulan</source>
        <translation>12 months</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>Siap kirim</source>
        <translation>Ready to send</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>Sudah diekspor</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110"/>
        <source>Diterima kabupaten</source>
        <translation>Received by regency</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>Diajukan ke BPJS</source>
        <translation>Submitted to BPJS</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="27"/>
        <source>Jaring — pendaftaran pekerja rentan BPJS Ketenagakerjaan</source>
        <translation>Jaring — registering vulnerable workers with BPJS Ketenagakerjaan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="33"/>
        <source>Daftar pekerja</source>
        <translation>Worker list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="34"/>
        <source>Formulir pendaftaran</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Pendaftaran &amp;baru</source>
        <translation>&amp;New registration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>&amp;Daftar pekerja</source>
        <translation>Worker &amp;list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>&amp;Bantuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>&amp;Tentang Jaring</source>
        <translation>&amp;About Jaring</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>%1 · %2 · %3 dari target %4</source>
        <translation>%1 · %2 · %3 of target %4</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>Isian belum disimpan</source>
        <translation>Unsaved entries</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>Formulir berisi isian yang belum disimpan.</source>
        <translation>The form has entries that are not saved yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Simpan sebagai draf</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Hapus pendaftaran?</source>
        <translation>Delete registration?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>Hapus pendaftaran %1 (NIK %2)? Data ditandai terhapus dan tetap tercatat di riwayat.</source>
        <translation>Delete the registration of %1 (NIK %2)? It is marked as deleted and stays in the history.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>Gagal menghapus</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Pendaftaran %1 dihapus.</source>
        <translation>Registration of %1 deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Draf tersimpan: %1</source>
        <translation>Draft saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Bahasa baru dipakai setelah Jaring dibuka ulang.</source>
        <translation>The new language applies after Jaring is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Tentang Jaring</source>
        <translation>About Jaring</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Jaring mendaftarkan pekerja informal dan rentan ke BPJS Ketenagakerjaan, juga tanpa internet. Data wilayah: idn-area-data (ODbL 1.0).</source>
        <translation>Jaring registers informal and vulnerable workers with BPJS Ketenagakerjaan, even without internet access. Region data: idn-area-data (ODbL 1.0).</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>%1 wajib diisi.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>Pekerja harus menyetujui pemrosesan datanya.</source>
        <translation>The worker must consent to the processing of their data.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>NIK hanya boleh berisi angka.</source>
        <translation>The NIK may contain digits only.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>NIK harus 16 angka.</source>
        <translation>The NIK must be 16 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="126"/>
        <source>Dua angka pertama NIK bukan kode provinsi yang dikenal.</source>
        <translation>The first two digits of the NIK are not a known province code.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127"/>
        <source>Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) tidak mungkin.</source>
        <translation>The date of birth in the NIK (digits 7 to 12) is not a possible date.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>Empat angka terakhir NIK tidak boleh 0000.</source>
        <translation>The last four digits of the NIK cannot be 0000.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Kode kecamatan %1 di NIK tidak ada di tabel wilayah. Periksa lagi NIK-nya.</source>
        <translation>District code %1 in the NIK is not in the region table. Check the NIK again.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Tanggal lahir menurut NIK adalah %1. Benar tanggal lahirnya berbeda?</source>
        <translation>According to the NIK the date of birth is %1. Is it really different?</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>Menurut NIK jenis kelaminnya %1. Benar berbeda?</source>
        <translation>According to the NIK the sex is %1. Is it really different?</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>NIK ini sudah terdaftar atas nama %1.</source>
        <translation>This NIK is already registered to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>Nomor KK hanya boleh berisi angka.</source>
        <translation>The KK number may contain digits only.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>Nomor KK harus 16 angka.</source>
        <translation>The KK number must be 16 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>Bagian tanggal Nomor KK (angka ke-7 s.d. 12) tidak mungkin.</source>
        <translation>The date part of the KK number (digits 7 to 12) is not a possible date.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Nama berisi angka atau tanda yang tidak biasa. Sudah sesuai KTP?</source>
        <translation>The name contains digits or unusual characters. Does it match the KTP?</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Tanggal lahir tidak boleh di masa depan.</source>
        <translation>The date of birth cannot be in the future.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>Tulis tanggal sebagai hh-bb-tttt, misalnya 05-07-1990.</source>
        <translation>Write the date as dd-mm-yyyy, for example 05-07-1990.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>Umur %1 tahun, di luar batas program (%2–%3 tahun). Tetap daftarkan?</source>
        <translation>Age %1 is outside the programme&apos;s range (%2–%3 years). Register anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>Pilihan %1 tidak dikenal.</source>
        <translation>Unknown choice for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>RT/RW berupa angka, paling banyak 3 angka.</source>
        <translation>RT/RW must be a number of at most 3 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>Desa harus berada di kabupaten yang dipilih di pengaturan.</source>
        <translation>The village must be in the regency chosen in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>Desa tidak ada di tabel wilayah.</source>
        <translation>The village is not in the region table.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>Kode pos harus 5 angka.</source>
        <translation>The postal code must be 5 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Nomor HP harus nomor seluler Indonesia, misalnya 0812… atau +62812…</source>
        <translation>Enter an Indonesian mobile number, for example 0812… or +62812…</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Alamat email tidak sah.</source>
        <translation>The email address is not valid.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>Penghasilan tidak boleh negatif.</source>
        <translation>The income cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>Tulis penghasilan dengan angka saja, misalnya 1.500.000.</source>
        <translation>Write the income in digits only, for example 1.500.000.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>Nomor KPJ harus 11 angka.</source>
        <translation>The KPJ number must be 11 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155"/>
        <source>Isian %1 bermasalah (%2).</source>
        <translation>There is a problem with %1 (%2).</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../ui/records_model.py" line="145"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/records_model.py" line="147"/>
        <source>L/P</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/records_model.py" line="150"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/records_model.py" line="151"/>
        <source>Iuran/bulan</source>
        <translation>Contribution/month</translation>
    </message>
    <message>
        <location filename="../../ui/records_model.py" line="153"/>
        <source>Diubah</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../ui/records_page.py" line="48"/>
        <source>Cari nama, NIK atau alamat…  (Ctrl+F)</source>
        <translation>Search name, NIK or address…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="51"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="96"/>
        <source>Pendaftaran baru</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="97"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="98"/>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="138"/>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="147"/>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="186"/>
        <source>%1 pendaftaran</source>
        <translation>Registrations: %1</translation>
    </message>
    <message>
        <location filename="../../ui/records_page.py" line="189"/>
        <source>%1 dari %2 pendaftaran</source>
        <translation>Registrations: %1 of %2</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../../ui/registration_form.py" line="141"/>
        <source>16 angka, sesuai KTP</source>
        <translation>16 digits, as on the KTP</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="142"/>
        <source>16 angka, dari Kartu Keluarga</source>
        <translation>16 digits, from the family card (Kartu Keluarga)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="151"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="165"/>
        <source>Jalan, nomor rumah, dusun</source>
        <translation>Street, house number, hamlet (dusun)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="172"/>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="180"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="183"/>
        <source>RT / RW</source>
        <translation>RT / RW</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="203"/>
        <source>Pekerjaan dan penghasilan</source>
        <translation>Work and income</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="209"/>
        <source>JKK (Jaminan Kecelakaan Kerja)</source>
        <translation>JKK (Work Accident Insurance)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="215"/>
        <source>JKM (Jaminan Kematian)</source>
        <translation>JKM (Death Insurance)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="227"/>
        <source>Program dan iuran</source>
        <translation>Programmes and contribution</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="229"/>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="237"/>
        <source>Iuran</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="243"/>
        <source>Ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="247"/>
        <source>Pekerja menyetujui pemrosesan datanya</source>
        <translation>The worker consents to the processing of their data</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="251"/>
        <source>Data dipakai hanya untuk pendaftaran dan kepesertaan BPJS Ketenagakerjaan, sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Bacakan ini kepada pekerja.</source>
        <translation>The data are used only for registration and membership in BPJS Ketenagakerjaan, under Law 27/2022 on Personal Data Protection. Read this out to the worker.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="260"/>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="283"/>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="284"/>
        <source>Simpan draf (Ctrl+D)</source>
        <translation>Save draft (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="285"/>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="453"/>
        <source>Pendaftaran baru</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="455"/>
        <source>Ubah pendaftaran: %1</source>
        <translation>Edit registration: %1</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="616"/>
        <source>Buka data itu</source>
        <translation>Open that record</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="624"/>
        <source>%1 kesalahan, %2 peringatan</source>
        <translation>Errors: %1, warnings: %2</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="628"/>
        <source>Isian lengkap.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="648"/>
        <source>Kecamatan diisi dari NIK; periksa kembali.</source>
        <translation>District (kecamatan) filled in from the NIK; please check it.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="687"/>
        <source>Isi penghasilan untuk melihat iuran.</source>
        <translation>Enter the income to see the contribution.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="698"/>
        <source>Upah dasar iuran: %1</source>
        <translation>Contribution base wage: %1</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="706"/>
        <source>%1 per bulan</source>
        <translation>%1 per month</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="709"/>
        <source>Dibayar per %1 bulan: %2</source>
        <translation>Paid every %1 months: %2</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="731"/>
        <source>Belum bisa disimpan: %1 kesalahan. Perbaiki, atau simpan sebagai draf.</source>
        <translation>Cannot save yet (errors: %1). Fix them, or save as a draft.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="738"/>
        <source>Periksa peringatan</source>
        <translation>Check the warnings</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="739"/>
        <source>Ada hal yang perlu dipastikan sebelum menyimpan:</source>
        <translation>Please confirm the following before saving:</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="740"/>
        <source>Ya, data sudah benar</source>
        <translation>Yes, the data are correct</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="741"/>
        <source>Kembali memeriksa</source>
        <translation>Go back and check</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="763"/>
        <source>Data sudah berubah</source>
        <translation>The record has changed</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="765"/>
        <source>Pendaftaran ini sudah diubah di tempat lain sejak dibuka. Isian Anda tetap di formulir; salin yang perlu, lalu buka ulang datanya dari daftar.</source>
        <translation>This registration was changed elsewhere after you opened it. Your entries are still in the form; copy what you need, then reopen the record from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="774"/>
        <source>Gagal menyimpan</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="776"/>
        <source>Data tidak bisa ditulis ke basis data. Isian Anda tetap di formulir. Periksa ruang disk, lalu coba lagi.</source>
        <translation>The data could not be written to the database. Your entries are still in the form. Check the free disk space, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="792"/>
        <source>Buang isian?</source>
        <translation>Discard entries?</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="793"/>
        <source>Isian yang belum disimpan akan hilang.</source>
        <translation>Entries that are not saved will be lost.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="794"/>
        <location filename="../../ui/registration_form.py" line="836"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="795"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="813"/>
        <location filename="../../ui/registration_form.py" line="820"/>
        <source>Simpan otomatis gagal: periksa ruang disk.</source>
        <translation>Autosave failed: check the free disk space.</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="828"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="831"/>
        <source>Pulihkan isian?</source>
        <translation>Restore entries?</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="833"/>
        <source>Ada isian formulir yang belum disimpan dari sesi sebelumnya: %1. Pulihkan?</source>
        <translation>There are unsaved form entries from the previous session: %1. Restore them?</translation>
    </message>
    <message>
        <location filename="../../ui/registration_form.py" line="835"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Selamat datang di Jaring</source>
        <translation>Welcome to Jaring</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="47"/>
        <source>Sebelum mulai, isi kabupaten tempat Anda bertugas, nama Anda sebagai petugas, dan target jumlah pekerja yang didaftarkan. Semua bisa diubah nanti di Pengaturan.</source>
        <translation>Before you start, enter the regency where you work, your name as the officer, and the number of workers to register (the target). You can change all of these later in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="68"/>
        <source>Nama lengkap petugas</source>
        <translation>Officer&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69"/>
        <source>Nama petugas</source>
        <translation>Officer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>Target pekerja terdaftar</source>
        <translation>Registration target (workers)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Umur terendah</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Umur tertinggi</source>
        <translation>Maximum age</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114"/>
        <source>Pilih kabupaten/kota dari daftar.</source>
        <translation>Choose a regency/city from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>Nama petugas wajib diisi.</source>
        <translation>The officer&apos;s name is required.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120"/>
        <source>Umur terendah tidak boleh lebih dari umur tertinggi.</source>
        <translation>The minimum age cannot be higher than the maximum age.</translation>
    </message>
</context>
</TS>
