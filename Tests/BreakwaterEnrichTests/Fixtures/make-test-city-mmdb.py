#!/usr/bin/env python3
"""Writes test-city.mmdb: a tiny MaxMind-format city database for the enrichment tests.

Real GeoLite2 databases cannot be redistributed here, so the tests read one written by an
independent MMDB writer (PyPI `mmdb-writer`) with the GeoIP2-City layout and a few networks.
Run again only to change the fixture:  pip install mmdb-writer netaddr && python3 make-test-city-mmdb.py
"""
from mmdb_writer import MMDBWriter
from netaddr import IPSet
from mmdb_writer import MmdbF64

def city(name, iso, lat, lon):
    return {
        "city": {"names": {"en": name}},
        "country": {"iso_code": iso},
        "location": {"latitude": MmdbF64(lat), "longitude": MmdbF64(lon)},
    }

writer = MMDBWriter(ip_version=6, database_type="GeoIP2-City", languages=["en"],
                    description="Breakwater test fixture", ipv4_compatible=True)
writer.insert_network(IPSet(["81.128.0.0/16"]), city("Leeds", "GB", 53.7965, -1.5478))
writer.insert_network(IPSet(["45.148.10.0/24"]), city("Amsterdam", "NL", 52.3759, 4.8975))
writer.insert_network(IPSet(["2a00:23c4::/32"]), city("Manchester", "GB", 53.4809, -2.2374))
writer.to_db_file("test-city.mmdb")
