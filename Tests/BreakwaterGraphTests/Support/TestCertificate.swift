/// A self-signed test certificate and its private key, made for these tests only with
/// `openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=Breakwater test application"`.
/// Its thumbprints, as `openssl x509 -fingerprint` printed them, pin the thumbprint code.
enum TestCertificate {
    static let sha1Fingerprint = "9664A5AE5465BB66C9F638F63A3CBF29B4367108"
    static let sha256Fingerprint = "252FD18CD61B674EE11134810A03B765AE300A06103F06655F36DF7AC7C679CA"

    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDYHYlKP4Uwgh/k
        d1ttpOQ4TOzufUB58Cp40+Spmc2EnEHFEz9y2naSdW3lSS4DOnYoGjrSkbXRtpEf
        TkeOSgqn4vA2G3YDV0BWcqSmT5bY41HdaVOp1KhS8W3t7bMkmeVmOYPFaJE0hxiw
        fRQ2o9t4sVI6DqxXCpoJ092m7BOvGCv8q7/dz9h/EmzrX/JXg/aunyDunRzpFUej
        p9ESW5Dr6uIzQ4q7V0oJd4D+DjEIoDVtRTTp+WhPvJB2w6NMY4acKz3VmT4l3N+O
        +MkmzXqU5emvVLnkRBxuLoCX5j/0oJAdFDOylWnTyF+Xoa8WlOdvB0Nu8hB0LV/w
        0tWNRHYZAgMBAAECggEAFfjSx3izyt2/7lNwOTKFfW/cutaDIqKXPteULOYVLgFQ
        8n9leQDbA0LrHF+XTP65mpQoHNZxnNOp53vm7IF8mdsJvwaFtgs94Ewhj0MSPBTI
        cvFNbzvOrTgcjA8ZooP+/ailTAG4mZWOngrpbjC0lI26pWpufR730D35EAp6adek
        ctEsWqiM8K4aaRf1z/ztrJfjT/OPP3gHnnvceP8sOqvTgBGMf9B2U2PLTA5b4z7W
        CYVkA3EFty7jxRrD/W73UOtuGno+WEStCjvgIjKLWywskMgkGH3xBeozDvDupSHE
        StA22dRH6AaQgQaqsQ7HAXOzQNHNePkRp9orzO2lvQKBgQDv8NssjdwCamPLdMUl
        4LSdDxNsW9zE0GWU95lzBzFToIWHz2BFlmL2m3Vi0/1Y7JMZ8geHXNyrKBCzqqk7
        nRF9YeGhXjN6AfjQViqT+eRoAs9O5R9UwbH20W5UrySG00waNCZYc2LOsQ5naOCw
        CQiVCwqos35PpPP+U6iGD2ZUQwKBgQDmlHRvW0pWb9qUvQQxA6IkMqN93iN2hl40
        DgL1PHkSJ1D7uXz4okkdryp42AzGERyeXlTwy24SBPQsQJ0mA/bBzqQrPizVN8rO
        ECjAkIKosWGTB88VlDgbPn69yfF/HKBw+D1c1vTCFTj4KPIb/p9qKhjun7+V0ykk
        uC6WrqU0cwKBgDqscUwx3G0SyxiDk3oxurj1aNCEnjXaqByHd5SzW5KRnFWblnUt
        00FuvoPORxOptkcP8ltdj/CiuYLV5tBXFmHMv7oQKRJazRdVGtBYuUvd9Afc6450
        Vyp+CDbZJVt67A80VXQnsy/MCDOtZ9RkQR8BNjgOvIKJWckFeB5gQau1AoGBAMvG
        Gvhml1W4WFXmjZO7gEm5Lt+Ht5OBwDMExvxvyxeOA3XTQWyCD1fafBB77x4D9WTI
        PQzo24e1NQz+tWLpUeOJeXB17C0qt2JQyZMUo0PuLys/VXXenY8GNgAIPhJ1/Bya
        ZbBsj7YOB2DY3s56weuS9KG+MBR6nvvCgfnMsledAoGAGncPE8a28pSpCVO1DqXx
        J/6NuPxKF6ETbbzRwy3nexsmT40Uq/6watcYEGy1FDcG/FYext0KT9yuvwXM6xNo
        jVpjqccrBJJk8X8BeFbKeF/WxAUND+pb+EYmgYAQ8I3l5xo/sw1JxZwo2r2QnK8N
        nlctPhC9Bi7HwOsbxL3R8xE=
        -----END PRIVATE KEY-----
        """

    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIDLzCCAhegAwIBAgIUDLDmftFKNgt8NTSlOH4A2YyGcb4wDQYJKoZIhvcNAQEL
        BQAwJjEkMCIGA1UEAwwbQnJlYWt3YXRlciB0ZXN0IGFwcGxpY2F0aW9uMCAXDTI2
        MTEyMzE2NDQxOFoYDzIxMjYxMDMwMTY0NDE4WjAmMSQwIgYDVQQDDBtCcmVha3dh
        dGVyIHRlc3QgYXBwbGljYXRpb24wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
        AoIBAQDYHYlKP4Uwgh/kd1ttpOQ4TOzufUB58Cp40+Spmc2EnEHFEz9y2naSdW3l
        SS4DOnYoGjrSkbXRtpEfTkeOSgqn4vA2G3YDV0BWcqSmT5bY41HdaVOp1KhS8W3t
        7bMkmeVmOYPFaJE0hxiwfRQ2o9t4sVI6DqxXCpoJ092m7BOvGCv8q7/dz9h/Emzr
        X/JXg/aunyDunRzpFUejp9ESW5Dr6uIzQ4q7V0oJd4D+DjEIoDVtRTTp+WhPvJB2
        w6NMY4acKz3VmT4l3N+O+MkmzXqU5emvVLnkRBxuLoCX5j/0oJAdFDOylWnTyF+X
        oa8WlOdvB0Nu8hB0LV/w0tWNRHYZAgMBAAGjUzBRMB0GA1UdDgQWBBT7jvjQpCFu
        qRAY2pfC+vFhqedf6zAfBgNVHSMEGDAWgBT7jvjQpCFuqRAY2pfC+vFhqedf6zAP
        BgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCqQ3Y+hv1MlcjAPn+3
        kSjd/q9K32fIq1kMQ2tUxRliMHOe5AkwXMkVrPvGootJqIOk0KDxNk0w2gCHXEaD
        izmh4AJ7ys+Z5Rpi7pf2SsZ9LpRwql2z8hJ4gaNB1fzgL44ktmBxmdzc6eAoLwt8
        dKBG98IVbtwvjakKXupduRQwz4KbqIxhaqyjSrctEeF5DAmtlCu1RQkK1onEKmwD
        BYqRmpzduEWOm9v8Ek8Fge7iqK4T7rywMoRkStGst1zuggf6SotOuaQgToS/jYWr
        HtnAbDgGmOtkhgLpakbMDgxjsjHRkaRf+8A1RZKvjFzLc/P752hL4j2S+mAm1+6B
        KEiI
        -----END CERTIFICATE-----
        """
}
