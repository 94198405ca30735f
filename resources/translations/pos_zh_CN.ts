<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraWindow</name>
    <message>
        <location filename="../../pos_client/ui/camera_window.py" line="23"/>
        <source>Camera scanner</source>
        <translation>摄像头扫码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/camera_window.py" line="27"/>
        <source>Hold the code in front of the camera.</source>
        <translation>请把条码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/camera_window.py" line="45"/>
        <source>Read: {code}</source>
        <translation>已读取：{code}</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="67"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="67"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="67"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="67"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="68"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="61"/>
        <source>Scan or type a barcode (or an item&apos;s initials), then Enter</source>
        <translation>扫描或输入条码（或商品拼音首字母），按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="62"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="99"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="148"/>
        <source>F1 Help</source>
        <translation>F1 帮助</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="149"/>
        <source>F2 Find item</source>
        <translation>F2 查找商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="154"/>
        <source>F3 Qty</source>
        <translation>F3 数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="155"/>
        <source>F4 Void line</source>
        <translation>F4 删除行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="156"/>
        <source>F5 Price</source>
        <translation>F5 改价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="157"/>
        <source>F6 Discount</source>
        <translation>F6 折扣</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="163"/>
        <source>F7 Hold</source>
        <translation>F7 挂单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="164"/>
        <source>F8 Recall</source>
        <translation>F8 取单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="165"/>
        <source>F11 Void sale</source>
        <translation>F11 整单作废</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="166"/>
        <source>F9 Sync</source>
        <translation>F9 同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="167"/>
        <source>F10 Log out</source>
        <translation>F10 退出登录</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="168"/>
        <source>F12 Pay</source>
        <translation>F12 收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="286"/>
        <source>{name} {weight}</source>
        <translation>{name} {weight}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="288"/>
        <source>{name} (labelled {price})</source>
        <translation>{name}（标签价 {price}）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="291"/>
        <source>{name} × {qty}</source>
        <translation>{name} × {qty}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="303"/>
        <source>{n} item(s)</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="306"/>
        <source>Member {phone} · {points} points</source>
        <translation>会员 {phone} · {points} 积分</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="316"/>
        <source>You save {amount}</source>
        <translation>共优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="321"/>
        <source>…and {n} more</source>
        <translation>……另有 {n} 项优惠</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="334"/>
        <source>Saving the sale…</source>
        <translation>正在保存交易…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="340"/>
        <source>Paid {total}
Change {change}</source>
        <translation>已收款 {total}
找零 {change}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="343"/>
        <source>Sale {receipt} saved. Receipt is printing.</source>
        <translation>交易 {receipt} 已保存，小票正在打印。</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../pos_client/ui/crash_guard.py" line="27"/>
        <source>Something went wrong inside the till program ({error}). The sale in progress is kept: carry on, or put it on hold (F7) and restart the till if this happens again. The details are in the log for IT ({where}).</source>
        <translation>收银程序内部出错（{error}）。当前交易已保留：可以继续操作；如再次出现，请挂单（F7）后重启收银机。详细信息已写入日志，供 IT 查看（{where}）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/crash_guard.py" line="69"/>
        <location filename="../../pos_client/ui/crash_guard.py" line="71"/>
        <source>Till problem</source>
        <translation>收银机问题</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../pos_client/ui/customer_window.py" line="24"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/customer_window.py" line="27"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="43"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="61"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="61"/>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="61"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="62"/>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="68"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="69"/>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="70"/>
        <source>RFID reader</source>
        <translation>RFID 读写器</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="71"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="72"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="72"/>
        <source>NOT FOUND</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="78"/>
        <source>none: type a URL to add one</source>
        <translation>无：输入 URL 即可添加</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="80"/>
        <source>Problem: {problem}</source>
        <translation>问题：{problem}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="87"/>
        <source>Double-click or F2 to change: tcp://HOST:9100, serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, sim://…</source>
        <translation>双击或按 F2 修改：tcp://主机:9100、serial:///dev/ttyUSB0?baud=9600、file:///dev/usb/lp0、sim://…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="92"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="96"/>
        <source>A scan or a tag read proves a scanner or a reader.</source>
        <translation>扫一次码或读一次标签，即可验证扫码枪或读写器。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="99"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="106"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="129"/>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="133"/>
        <source>Not saved: {problem}</source>
        <translation>未保存：{problem}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="137"/>
        <source>Saved. The till uses the new devices from its next start: close the POS and start it again.</source>
        <translation>已保存。收银机下次启动时使用新设备：请关闭 POS 后重新启动。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="141"/>
        <source>Testing {url}…</source>
        <translation>正在测试 {url}…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="150"/>
        <location filename="../../pos_client/ui/devices_dialog.py" line="162"/>
        <source>The test failed: {error}</source>
        <translation>测试失败：{error}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="152"/>
        <source>Test page sent ({columns} columns, drawer on pin {pin}); the printer said: {status}.</source>
        <translation>测试页已发送（{columns} 列，钱箱针脚 {pin}）；打印机状态：{status}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="157"/>
        <source>Not printed: {detail}</source>
        <translation>未打印：{detail}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/devices_dialog.py" line="160"/>
        <source>The customer display showed its test pattern.</source>
        <translation>顾客显示屏已显示测试画面。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="13"/>
        <source>Enrol this till</source>
        <translation>注册本收银台</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="14"/>
        <source>IT makes a one-time code at central with &apos;pos-central enroll --store CODE&apos;. Unsent sales are kept and sent after enrolment.</source>
        <translation>IT 在中心平台用“pos-central enroll --store 门店编码”生成一次性注册码。未上传的交易会保留，注册后上传。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="27"/>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="33"/>
        <source>Central address</source>
        <translation>中心平台地址</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="34"/>
        <source>One-time code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="45"/>
        <source>The central address starts with https:// (or http://).</source>
        <translation>中心平台地址应以 https://（或 http://）开头。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/enrol_dialog.py" line="48"/>
        <source>Type the whole one-time code, e.g. ABCD-EFGH-JKLM.</source>
        <translation>请输入完整的一次性注册码，例如 ABCD-EFGH-JKLM。</translation>
    </message>
</context>
<context>
    <name>FulfilmentDialog</name>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="68"/>
        <source>Ship from store</source>
        <translation>门店发货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="85"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="85"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="85"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="95"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="95"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="95"/>
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="102"/>
        <source>Scan each item into the tote, then Enter</source>
        <translation>逐件扫描商品放入周转箱，然后按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="108"/>
        <source>Courier&apos;s tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="112"/>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="121"/>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="227"/>
        <source>F6 Read tote (RFID)</source>
        <translation>F6 读取周转箱 (RFID)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="126"/>
        <source>F2 Pack</source>
        <translation>F2 打包</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="128"/>
        <source>F4 Reject the chosen line</source>
        <translation>F4 拒绝所选商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="130"/>
        <source>F12 Ship</source>
        <translation>F12 发货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="132"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="184"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="193"/>
        <source>Everything is in the tote: pack it (F2).</source>
        <translation>所有商品已入箱：请打包 (F2)。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="194"/>
        <source>Still missing: {items}</source>
        <translation>仍缺：{items}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="195"/>
        <source>{name} × {qty}</source>
        <translation>{name} × {qty}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="202"/>
        <source>Stopped reading the tote.</source>
        <translation>已停止读取周转箱。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="205"/>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="284"/>
        <source>Choose an order in the list first.</source>
        <translation>请先在列表中选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="210"/>
        <source>This till has no RFID reader. Set one up in Devices (Ctrl+D), or scan each item into the tote.</source>
        <translation>本收银机没有 RFID 读写器。请在“设备”(Ctrl+D) 中设置，或逐件扫描商品入箱。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="222"/>
        <source>F6 Stop reading</source>
        <translation>F6 停止读取</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="223"/>
        <source>Reading the tote: hold it to the RFID reader.</source>
        <translation>正在读取周转箱：请将其靠近 RFID 读写器。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="249"/>
        <source>{item} is in the tote. Every item is picked: pack it (F2).</source>
        <translation>{item} 已入箱。所有商品均已拣货：请打包 (F2)。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="252"/>
        <source>{item} is in the tote.</source>
        <translation>{item} 已入箱。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="260"/>
        <source>Wrong item: {item} (tag …{tag}) is not on this order. Take it out of the tote; nothing was counted.</source>
        <translation>拿错商品：{item}（标签 …{tag}）不在此订单上。请将其从周转箱取出；未计数。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="265"/>
        <source>One too many: every {item} this order wants is already in the tote (tag …{tag}). Take one out; nothing was counted.</source>
        <translation>多了一件：此订单所需的 {item} 已全部入箱（标签 …{tag}）。请取出一件；未计数。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="270"/>
        <source>Already sold: {item} (tag …{tag}) was sold at this till on receipt {receipt}. Take it out of the tote and pick another from the shelf; nothing was counted.</source>
        <translation>已售出：{item}（标签 …{tag}）已在本收银机售出，小票号 {receipt}。请将其从周转箱取出，从货架另取一件；未计数。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="275"/>
        <source>Tag …{tag} (GTIN {gtin}) is no product of this store. Take that item out and scan its barcode.</source>
        <translation>标签 …{tag}（GTIN {gtin}）不是本店商品。请取出该商品并扫描其条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="279"/>
        <source>Tag …{tag} is not a product tag. Take that item out of the tote and scan its barcode.</source>
        <translation>标签 …{tag} 不是商品标签。请将该商品从周转箱取出并扫描其条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="301"/>
        <source>Item {code} is in the tote.</source>
        <translation>商品 {code} 已放入周转箱。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="307"/>
        <source>Packed. Scan or type the courier&apos;s tracking number, then F12.</source>
        <translation>已打包。请扫描或输入快递单号，然后按 F12。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="315"/>
        <source>Shipped with {carrier} {number}.</source>
        <translation>已通过 {carrier} 发货，单号 {number}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="323"/>
        <source>Choose the line this store cannot fill first.</source>
        <translation>请先选择本店无法供货的商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="328"/>
        <source>Line rejected: central sends it to another store.</source>
        <translation>已拒绝该商品：总部将把它转给其他门店。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="334"/>
        <source>{item} is not on this order (or all of it is picked). Put it back; nothing was counted.</source>
        <translation>{item} 不在此订单中（或已全部拣货）。请放回；未计数。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="338"/>
        <source>That is not a tracking number (4-64 letters, digits or dashes). Scan the courier&apos;s label again.</source>
        <translation>这不是快递单号（4-64 位字母、数字或短横线）。请重新扫描快递面单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="343"/>
        <source>Not yet: pick every item, then pack (F2), then ship (F12). Shipped orders cannot ship again.</source>
        <translation>还不行：请拣齐所有商品，然后打包（F2），再发货（F12）。已发货的订单不能再次发货。</translation>
    </message>
</context>
<context>
    <name>FulfilmentQueue</name>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="47"/>
        <source>To pick</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="48"/>
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="49"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="50"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/fulfilment_queue.py" line="51"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>GuidePickDialog</name>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="51"/>
        <source>Sales guide for this sale</source>
        <translation>本单导购</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="58"/>
        <source>Scan the guide&apos;s badge or type their staff number, then Enter</source>
        <translation>扫描导购工牌或输入工号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="83"/>
        <source>&quot;{code}&quot; is no sales guide of this store. Scan the badge again or press the guide&apos;s name.</source>
        <translation>“{code}”不是本店导购。请重新扫描工牌或点选导购姓名。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="50"/>
        <source>Queued: placed as soon as the till is online</source>
        <translation>排队中：收银机联网后立即下单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="51"/>
        <source>Placed: waiting for the customer&apos;s payment</source>
        <translation>已下单：等待顾客付款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="52"/>
        <source>Placed and paid</source>
        <translation>已下单并已付款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="53"/>
        <source>Refused by central</source>
        <translation>总部拒绝</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="56"/>
        <source>Add at least one item to the order.</source>
        <translation>订单至少需要一件商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="57"/>
        <source>A quantity must be between 1 and 10,000.</source>
        <translation>数量须在 1 到 10,000 之间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="58"/>
        <source>Choose how the customer gets the goods.</source>
        <translation>请选择顾客的取货方式。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="59"/>
        <source>Home delivery needs the customer&apos;s name.</source>
        <translation>送货上门需要顾客姓名。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="60"/>
        <source>Home delivery needs an 11-digit mobile number.</source>
        <translation>送货上门需要 11 位手机号码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="61"/>
        <source>Home delivery needs the delivery address.</source>
        <translation>送货上门需要收货地址。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="62"/>
        <source>Choose the other store where the customer collects the goods.</source>
        <translation>请选择顾客取货的其他门店。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="65"/>
        <source>Choose how the customer pays.</source>
        <translation>请选择顾客的付款方式。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="66"/>
        <source>Paid here: the amount taken must cover the order.</source>
        <translation>在本店付款：收款金额须覆盖订单金额。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="69"/>
        <source>Home delivery</source>
        <translation>送货上门</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="70"/>
        <source>Pickup at another store</source>
        <translation>其他门店自提</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="71"/>
        <source>Pickup here later</source>
        <translation>稍后本店自提</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="76"/>
        <source>Customer pays later by link / QR</source>
        <translation>顾客稍后通过链接/二维码付款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="77"/>
        <source>Customer pays at this till now (cash, card, wallet…)</source>
        <translation>顾客现在在本收银台付款（现金、银行卡、钱包…）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="138"/>
        <source>Sales guide</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="157"/>
        <source>Find and stock</source>
        <translation>查找与库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="158"/>
        <source>Order for a customer</source>
        <translation>为顾客下单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="159"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="160"/>
        <source>Sales and commission</source>
        <translation>销售与提成</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="164"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="211"/>
        <source>Scan a barcode, or type a name, pinyin or SKU, then Enter</source>
        <translation>扫描条码，或输入名称、拼音或货号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="216"/>
        <source>Browse by category…</source>
        <translation>按品类浏览…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="227"/>
        <location filename="../../pos_client/ui/guide_window.py" line="274"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="227"/>
        <location filename="../../pos_client/ui/guide_window.py" line="274"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="227"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="227"/>
        <source>Size</source>
        <translation>尺码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="227"/>
        <source>Here</source>
        <translation>本店</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="237"/>
        <source>Store / warehouse</source>
        <translation>门店/仓库</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="238"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="239"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="240"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="241"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="242"/>
        <source>As of</source>
        <translation>数据时间</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="250"/>
        <source>Add to the customer&apos;s order</source>
        <translation>加入顾客订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="258"/>
        <source>Sizes and colours</source>
        <translation>尺码与颜色</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="263"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="274"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="274"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="277"/>
        <location filename="../../pos_client/ui/guide_window.py" line="558"/>
        <location filename="../../pos_client/ui/guide_window.py" line="611"/>
        <source>No member chosen (optional).</source>
        <translation>未选择会员（可选）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="301"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="298"/>
        <location filename="../../pos_client/ui/guide_window.py" line="328"/>
        <source>Delivery</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="299"/>
        <source>Pickup store</source>
        <translation>自提门店</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="303"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="304"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="300"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="86"/>
        <source>less than a minute</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="88"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="89"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="302"/>
        <source>Customer name</source>
        <translation>顾客姓名</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="310"/>
        <source>Customer: member code or sign-up (Ctrl+I)</source>
        <translation>顾客：会员码或注册 (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="312"/>
        <source>Remove the chosen line</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="313"/>
        <source>Place the order (Ctrl+Enter)</source>
        <translation>提交订单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="328"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="328"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="328"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="328"/>
        <location filename="../../pos_client/ui/guide_window.py" line="348"/>
        <source>Guide</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="333"/>
        <source>Send queued orders now</source>
        <translation>立即发送排队订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="334"/>
        <source>Print the order slip</source>
        <translation>打印订单小票</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="335"/>
        <source>Take payment at this till</source>
        <translation>在本收银台收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="343"/>
        <source>Press Refresh: the figures come from central.</source>
        <translation>请按“刷新”：数据来自总部。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="349"/>
        <source>Today: sales</source>
        <translation>今日销售</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="350"/>
        <source>Today: commission</source>
        <translation>今日提成</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="351"/>
        <source>Month: sales</source>
        <translation>本月销售</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="352"/>
        <source>Month: commission</source>
        <translation>本月提成</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="358"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="373"/>
        <source>Nothing matches &quot;{text}&quot;: try fewer words, the pinyin initials, or scan the barcode.</source>
        <translation>没有与“{text}”匹配的商品：请减少关键词、使用拼音首字母或扫描条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="404"/>
        <source>Asking central for the stock in every store…</source>
        <translation>正在向总部查询各门店库存…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="421"/>
        <source>Central does not know {sku}: it may be new here. Only this store&apos;s stock is known.</source>
        <translation>总部没有 {sku}：可能是本店新品。只知道本店库存。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="426"/>
        <source>The network stock could not be read ({error}). Try again.</source>
        <translation>无法读取全网库存（{error}）。请重试。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="438"/>
        <source>Live from central, {time}.</source>
        <translation>总部实时数据，{time}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="446"/>
        <source>OFFLINE: no network stock was kept for this item. Only this store&apos;s stock is shown, as last synced.</source>
        <translation>离线：本机未保存此商品的全网库存。只显示上次同步的本店库存。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="454"/>
        <source>OFFLINE: network stock snapshot of the nearest stores, synced {age} ago (at {time}). Figures may have changed.</source>
        <translation>离线：最近门店的网络库存快照，{age}前同步（{time}）。数字可能已变化。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="465"/>
        <source>OFFLINE: last synced network stock, {age} old (from {time}). Figures may have changed.</source>
        <translation>离线：上次同步的全网库存，已过 {age}（{time}）。数据可能已变化。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="478"/>
        <source>warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="478"/>
        <source>store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="481"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="484"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="486"/>
        <source>{age} before</source>
        <translation>{age}前</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="511"/>
        <source>Find a product first.</source>
        <translation>请先查找商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="516"/>
        <source>{sku} has no price at this store and cannot be ordered here.</source>
        <translation>{sku} 在本店没有价格，无法在此下单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="525"/>
        <source>{name} × {qty} is on the order.</source>
        <translation>{name} × {qty} 已加入订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="541"/>
        <source>Order total: {total}</source>
        <translation>订单合计：{total}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="556"/>
        <source>{phone} · {code}</source>
        <translation>{phone} · {code}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="586"/>
        <source>Orders are attributed to a sales guide: log in as the guide (Ctrl+L) to order.</source>
        <translation>订单须归属导购：请以导购身份登录 (Ctrl+L) 后下单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="601"/>
        <source>The order could not be saved on this till ({error}). Nothing was sent; try again.</source>
        <translation>订单无法保存在本机（{error}）。未发送任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="612"/>
        <source>Order saved on the till; sending it to central…</source>
        <translation>订单已保存在本机，正在发送至总部…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="628"/>
        <source>Central cannot be reached: the order is queued on this till and is placed as soon as the till is online. Its slip can be printed now.</source>
        <translation>无法连接总部：订单已在本机排队，联网后立即下单。现在即可打印订单小票。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="634"/>
        <source>Central refused the order: {why}</source>
        <translation>总部拒绝了订单：{why}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="636"/>
        <source>Order {no} placed.</source>
        <translation>订单 {no} 已下单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="658"/>
        <source>(not yet numbered)</source>
        <translation>（尚无单号）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="675"/>
        <location filename="../../pos_client/ui/guide_window.py" line="685"/>
        <source>Choose an order in the list first.</source>
        <translation>请先在列表中选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="680"/>
        <source>The order slip is printing.</source>
        <translation>正在打印订单小票。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="692"/>
        <source>Asking central…</source>
        <translation>正在询问总部…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="705"/>
        <source>OFFLINE ({error}): only this till&apos;s sales and returns, with the commission rules last synced. Orders and other tills&apos; sales are missing until the till is online.</source>
        <translation>离线（{error}）：仅含本机的销售和退货，按上次同步的提成规则计算。联网前不含订单和其他收银机的销售。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="730"/>
        <source>Every guide of this store (returns deducted).</source>
        <translation>本店所有导购（已扣除退货）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_window.py" line="732"/>
        <source>Your attributed sales and commission (returns deducted).</source>
        <translation>您的归属销售与提成（已扣除退货）。</translation>
    </message>
</context>
<context>
    <name>HeldSalesDialog</name>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="26"/>
        <source>Sales on hold</source>
        <translation>挂起的订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="32"/>
        <source>#{number}  {time}  by {staff}  {total}  ({items} items)</source>
        <translation>#{number}  {time}  收银员 {staff}  {total}（{items} 件）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="41"/>
        <source>Up/Down to choose, Enter to bring the sale back, Esc to go back.</source>
        <translation>上下键选择，回车取回订单，Esc 返回。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="43"/>
        <source>Resume (Enter)</source>
        <translation>取回（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/held_dialog.py" line="45"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="26"/>
        <source>Scanned by mistake</source>
        <translation>误扫</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="27"/>
        <source>Customer changed their mind</source>
        <translation>顾客不要了</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="28"/>
        <source>Damaged or faulty</source>
        <translation>破损或故障</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="29"/>
        <source>Past its date</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="30"/>
        <source>Shelf price differs</source>
        <translation>与货架价不符</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="31"/>
        <source>Price match</source>
        <translation>比价调价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="32"/>
        <source>Regular customer</source>
        <translation>老顾客</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="33"/>
        <source>Making up for poor service</source>
        <translation>服务补偿</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="34"/>
        <source>Customer left without paying</source>
        <translation>顾客未付款离开</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="35"/>
        <source>Customer could not pay</source>
        <translation>顾客无法付款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="36"/>
        <source>Training or test sale</source>
        <translation>培训或测试</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="37"/>
        <source>Faulty</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="38"/>
        <source>Wrong item or size</source>
        <translation>商品或尺码不对</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="41"/>
        <source>Change quantity</source>
        <translation>修改数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="42"/>
        <source>Void this line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="43"/>
        <source>Change the price</source>
        <translation>修改价格</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="44"/>
        <source>Discount this line</source>
        <translation>此行打折</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="45"/>
        <source>Void the whole sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="69"/>
        <source>New quantity</source>
        <translation>新数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="72"/>
        <source>New price (per unit, or per kg)</source>
        <translation>新价格（每件或每千克）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="74"/>
        <source>Discount (amount off this line)</source>
        <translation>折扣（本行减免金额）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="80"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="92"/>
        <source>Supervisor number</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="93"/>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="101"/>
        <source>Confirm (Enter)</source>
        <translation>确认（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="104"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="162"/>
        <source>Above {cap}% off, a supervisor or manager must approve.</source>
        <translation>优惠超过 {cap}% 需主管或店长授权。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="165"/>
        <source>A supervisor must approve this: their staff number and PIN.</source>
        <translation>此操作需主管授权：请输入主管工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/line_dialog.py" line="171"/>
        <source>Enter a number, like 2 or 12.50.</source>
        <translation>请输入数字，如 2 或 12.50。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="32"/>
        <source>Enter your staff number and PIN</source>
        <translation>请输入工号和密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="37"/>
        <location filename="../../pos_client/ui/login_screen.py" line="60"/>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="42"/>
        <location filename="../../pos_client/ui/login_screen.py" line="61"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="46"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="56"/>
        <source>Switch the till&apos;s language</source>
        <translation>切换收银机语言</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="66"/>
        <source>Add the scanned or typed barcode; in payment, confirm the cash</source>
        <translation>添加扫描或输入的条码；收款时确认现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="68"/>
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="69"/>
        <source>Choose the cart line F3-F6 act on</source>
        <translation>选择 F3-F6 要操作的商品行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="70"/>
        <source>Change the chosen line&apos;s quantity (lowering it needs a supervisor)</source>
        <translation>修改所选行数量（减少需主管授权）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="72"/>
        <source>Void the chosen line (supervisor, with a reason)</source>
        <translation>删除所选行（需主管授权并填写原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="73"/>
        <source>Change the chosen line&apos;s price (supervisor, with a reason)</source>
        <translation>修改所选行价格（需主管授权并填写原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="74"/>
        <source>Discount the chosen line (supervisor, capped per role)</source>
        <translation>所选行打折（需主管授权，按角色限额）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="75"/>
        <source>Put the sale on hold and start another</source>
        <translation>挂起本单，开始新单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="76"/>
        <source>Bring back a sale on hold (onto an empty sale)</source>
        <translation>取回挂起的订单（当前须为空单）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="77"/>
        <source>Void the whole sale (supervisor, with a reason)</source>
        <translation>整单作废（需主管授权并填写原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="78"/>
        <source>Reprint the last receipt, marked as a copy</source>
        <translation>重印上一张小票（标注为重印）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="79"/>
        <source>Member: find by mobile number or member code, or sign up; points</source>
        <translation>会员：按手机号或会员码查找，或现场注册；积分</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="81"/>
        <source>Devices: what is configured and found, with a test button</source>
        <translation>设备：已配置和已找到的设备，每项可测试</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="82"/>
        <source>Return and refund: by receipt number (any store), or without a receipt</source>
        <translation>退货退款：按小票号（任何门店），或无小票退货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="84"/>
        <source>Find an item by name, pinyin or initials; Up/Down to choose, Enter to add</source>
        <translation>按名称、拼音或首字母查找商品；上下键选择，回车加入</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="86"/>
        <source>Show this help</source>
        <translation>显示本帮助</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="87"/>
        <source>Sync panel: what waits, what needs attention, sync now</source>
        <translation>同步面板：待上传、需处理的事项，立即同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="88"/>
        <source>Log out (when the sale is empty)</source>
        <translation>退出登录（当前交易为空时）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="89"/>
        <source>Open a shift with its float</source>
        <translation>开班并放入备用金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="90"/>
        <source>Cash into or out of the drawer, with a reason</source>
        <translation>向钱箱存入或取出现金（需注明原因）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="91"/>
        <source>X report: the shift so far (it stays open)</source>
        <translation>X 报表：本班至今的汇总（不结班）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="92"/>
        <source>Close the shift: blind count, then over/short and the Z report</source>
        <translation>结班：先盲点现金，再显示长短款并打印 Z 报表</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="94"/>
        <source>Lock the till / switch staff (the sale is kept)</source>
        <translation>锁定收银台 / 换人（当前销售保留）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="95"/>
        <source>Clear the barcode field; in payment, back to the sale</source>
        <translation>清空条码框；收款时返回交易</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="96"/>
        <source>Pickup desk: verify a customer&apos;s pickup code, mark ready, hand over</source>
        <translation>自提台：核验顾客取货码、备货完成、交付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="98"/>
        <source>Ship from store: pick delivery orders by scan, pack, ship with tracking</source>
        <translation>门店发货：扫码拣货配送订单、打包、凭快递单号发货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="135"/>
        <source>{store} — till {till}</source>
        <translation>{store} — 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="137"/>
        <source>{store} · {code} · Till {till}</source>
        <translation>{store} · {code} · 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="203"/>
        <source>Pay for the sale in progress before logging out.</source>
        <translation>请先完成当前交易的收款，再退出登录。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="235"/>
        <source>Sale held as #{number} ({total}). F8 brings it back.</source>
        <translation>已挂单 #{number}（{total}）。按 F8 取回。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="243"/>
        <source>Finish or hold (F7) the sale in progress first.</source>
        <translation>请先完成或挂起（F7）当前订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="247"/>
        <source>No sale is on hold at this till.</source>
        <translation>本收银台没有挂起的订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="259"/>
        <source>Held sale is back: carry on scanning or pay.</source>
        <translation>已取回挂单：可继续扫描或收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="267"/>
        <source>The sale is empty: there is nothing to void.</source>
        <translation>本单为空，无需作废。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="280"/>
        <source>{items} item(s), {total}</source>
        <translation>{items} 件，{total}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="291"/>
        <source>Sale voided. Nothing was charged.</source>
        <translation>本单已作废，未收取任何款项。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="298"/>
        <source>No receipt to reprint since this till started.</source>
        <translation>本机启动后尚无可重印的小票。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="303"/>
        <source>Reprinting {receipt} as a copy.</source>
        <translation>正在重印 {receipt}（重印联）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="323"/>
        <source>Coupon {name} is on the sale; it counts once the goods it covers reach {amount}.</source>
        <translation>优惠券“{name}”已加入本单；适用商品满 {amount} 后生效。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="328"/>
        <source>Coupon {name} is on the sale.</source>
        <translation>优惠券“{name}”已加入本单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="331"/>
        <source>Checking coupon {code}…</source>
        <translation>正在核验优惠券 {code}……</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="355"/>
        <source>Member {phone} is on this sale.</source>
        <translation>会员 {phone} 已加入本单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="356"/>
        <source>The member was taken off this sale.</source>
        <translation>已从本单移除会员。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="368"/>
        <source>Finish or hold (F7) the sale in progress before a return.</source>
        <translation>请先完成或挂起（F7）当前交易，再办理退货。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="425"/>
        <source>Refund {receipt}: {total} back to the customer. The slip is printing.</source>
        <translation>退货单 {receipt}：已退还顾客 {total}。退货单正在打印。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="437"/>
        <source>The sale is empty: scan an item first.</source>
        <translation>本单为空：请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="464"/>
        <source>{name} voided.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="466"/>
        <source>{name}: now {amount}.</source>
        <translation>{name}：现为 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="542"/>
        <source>The sale could not be saved ({error}). Nothing was charged and the cart is kept: try F12 again, and call IT if it keeps failing.</source>
        <translation>交易未能保存（{error}）。未收取任何款项，购物车已保留：请再按 F12 重试，如仍失败请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="552"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="589"/>
        <source>central revoked this till: it keeps selling, but sends nothing until it is enrolled again (F9)</source>
        <translation>中心平台已停用本收银台：仍可继续销售，但重新注册前不会上传任何数据（F9）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="592"/>
        <source>this till was out of touch with central so long that its token expired: it keeps selling; enrol it again (F9)</source>
        <translation>本机与总部失联太久，令牌已过期：仍可继续销售；请重新注册本机（F9）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="595"/>
        <source>central no longer accepts this till&apos;s token: enrol it again (F9)</source>
        <translation>中心平台不再接受本收银台的令牌：请重新注册（F9）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="596"/>
        <source>central needs a newer version of this app: ask IT to update it</source>
        <translation>中心平台需要更新版本的收银软件：请联系 IT 升级</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="690"/>
        <source>enrolment failed: {error}</source>
        <translation>注册失败：{error}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="714"/>
        <source>Tag {epc} was already sold on receipt {receipt}; it is not added. Put the item aside and call a supervisor.</source>
        <translation>标签 {epc} 已在小票 {receipt} 售出，未加入。请把该商品放到一边并呼叫主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="718"/>
        <source>Tag {epc} is picked for delivery order {order} and waits to ship; it is not added. Put the item back in that order&apos;s tote.</source>
        <translation>标签 {epc} 已拣入配送订单 {order}，等待发货，未加入本单。请把该商品放回那个订单的周转箱。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="722"/>
        <source>A tag with GTIN {gtin} is no product of this store; scan that item&apos;s barcode.</source>
        <translation>GTIN 为 {gtin} 的标签不是本店商品，请扫描该商品的条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="730"/>
        <source>The RFID reader is not connected ({detail}). It is used again as soon as it is back.</source>
        <translation>RFID 读写器未连接（{detail}）。重新连接后即可继续使用。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="756"/>
        <source>The scanner is not connected ({detail}). Scans will work again as soon as it is plugged in.</source>
        <translation>扫码枪未连接（{detail}）。插上后即可继续扫码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="759"/>
        <source>The scanner sent something unreadable; please scan again.</source>
        <translation>扫码枪发来无法识别的内容，请重新扫码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="765"/>
        <source>The printer reports: {what}. Fix it before the next receipt; receipts wait until it is fixed.</source>
        <translation>打印机报告：{what}。请在下一张小票前处理；处理好之前小票会排队等待。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="769"/>
        <source>The receipt did not print ({detail}). It is kept and will print when the printer is fixed.</source>
        <translation>小票未能打印（{detail}）。小票已保留，打印机恢复后将自动打印。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="24"/>
        <source>Sales guide: find a product, stock in every store nearest first, order for a customer, orders and commission</source>
        <translation>导购：查找商品、按距离查看各店库存、为顾客下单、订单与提成</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="32"/>
        <source>Stock work: count (RFID or scan), receive, below safety stock, transfers, damage</source>
        <translation>库存作业：盘点（RFID 或扫码）、收货、低于安全库存、调拨、报损</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="38"/>
        <source>The sales guide who helped with this sale (or scan the guide&apos;s badge)</source>
        <translation>本单导购（或扫描导购工牌）</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="51"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="51"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="51"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="62"/>
        <source>no price</source>
        <translation>未定价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="66"/>
        <source>{available} ({reserved} held)</source>
        <translation>{available}（{reserved} 已预留）</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="17"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="18"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="19"/>
        <location filename="../../pos_client/ui/member_dialog.py" line="30"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="35"/>
        <source>Mobile number or member code (scan the member&apos;s QR or card), then Enter.</source>
        <translation>输入手机号或会员码（扫描会员二维码或会员卡），然后按回车。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="39"/>
        <source>Mobile number or member code</source>
        <translation>手机号或会员码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="45"/>
        <source>Name (optional, for a sign-up)</source>
        <translation>姓名（注册时选填）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="53"/>
        <source>F2 Sign up with this number</source>
        <translation>F2 用此号码注册</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="55"/>
        <source>F4 Take the member off the sale</source>
        <translation>F4 从本单移除会员</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="59"/>
        <source>F6 Full contact (manager)</source>
        <translation>F6 完整联系方式（店长）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="64"/>
        <source>Manager&apos;s staff number</source>
        <translation>店长工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="67"/>
        <source>Manager&apos;s PIN, then Enter</source>
        <translation>店长密码，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="79"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="100"/>
        <source>On this sale: {member}</source>
        <translation>本单会员：{member}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="106"/>
        <source>{phone}{name} · {tier} · {points} points · {code}</source>
        <translation>{phone}{name} · {tier} · {points} 积分 · {code}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="120"/>
        <source>&quot;{text}&quot; is neither a mobile number (11 digits) nor a member code.</source>
        <translation>“{text}”既不是手机号（11 位）也不是会员码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="127"/>
        <source>No member has this number or code. F2 signs the customer up with it.</source>
        <translation>没有使用此号码或会员码的会员。按 F2 用它为顾客注册。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="131"/>
        <source>{member}
Enter puts them on the sale.</source>
        <translation>{member}
按回车加入本单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="141"/>
        <source>A sign-up needs the customer&apos;s mobile number (11 digits).</source>
        <translation>注册需要顾客的手机号（11 位）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="142"/>
        <source>This number is already a member: Enter finds them.</source>
        <translation>此号码已是会员：按回车查找。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="143"/>
        <source>This till has not received the member settings from central yet: sync once (F9), then sign up.</source>
        <translation>本收银台尚未收到总部的会员设置：请先同步一次（F9），再注册。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="159"/>
        <source>Find the member first, then F6.</source>
        <translation>请先查到会员，再按 F6。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="161"/>
        <source>A manager gives their own staff number and PIN to see this member&apos;s full contact; central records who looked.</source>
        <translation>店长输入本人工号和密码即可查看该会员的完整联系方式；总部会记录查看人。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="173"/>
        <source>Asking central…</source>
        <translation>正在询问总部…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="183"/>
        <source>Full contact: {phone} {name} (member {code}). Shown once, not kept at this till; central has recorded who looked.</source>
        <translation>完整联系方式：{phone} {name}（会员 {code}）。仅显示这一次，不保存在本收银机；总部已记录查看人。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="194"/>
        <source>Staff number or PIN is wrong; nothing is shown.</source>
        <translation>工号或密码错误；不显示任何信息。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="195"/>
        <source>Only a manager may see a member&apos;s full contact.</source>
        <translation>只有店长可以查看会员的完整联系方式。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="196"/>
        <source>Central does not know this member yet (signed up offline?): try again after the next sync.</source>
        <translation>总部还没有这位会员（离线注册的？）：请在下次同步后再试。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/member_dialog.py" line="198"/>
        <source>Central cannot be reached now: full contact details are shown only online.</source>
        <translation>现在连不上总部：完整联系方式只能在联网时查看。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="38"/>
        <source>%n minute(s)</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="43"/>
        <source>The weight or price on label {code} cannot be right. Weigh the item and print a new label.</source>
        <translation>标签 {code} 上的重量或价格不正确。请重新称重并打印新标签。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="49"/>
        <source>This code carries no product number. Scan the product&apos;s own barcode.</source>
        <translation>此码不含商品编号。请扫描商品本身的条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="52"/>
        <source>Barcode {code} failed its check digit: it was misread or mistyped. Scan it again or type the digits under the bars.</source>
        <translation>条码 {code} 校验位错误：可能扫描不完整或输入有误。请重新扫描，或输入条码下方的数字。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="57"/>
        <source>&quot;{code}&quot; is not a product code. Scan the item&apos;s barcode or type its digits.</source>
        <translation>“{code}”不是商品编码。请扫描商品条码或输入条码数字。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="65"/>
        <source>Central cannot be reached to check this coupon, and offline the store takes coupons only up to {amount}. Ask the customer to use it another time, or sell without it.</source>
        <translation>无法连接总部核验这张优惠券，离线时门店只接受面额不超过 {amount} 的优惠券。请顾客下次再用，或不使用优惠券结账。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="70"/>
        <source>This coupon has already been used. It cannot be used again.</source>
        <translation>这张优惠券已经使用过，不能再次使用。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="72"/>
        <source>This coupon was cancelled and cannot be used.</source>
        <translation>这张优惠券已作废，不能使用。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="73"/>
        <source>This coupon has expired.</source>
        <translation>这张优惠券已过期。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="74"/>
        <source>This coupon is not valid yet.</source>
        <translation>这张优惠券尚未到使用时间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="75"/>
        <source>This coupon belongs to another member. Put its owner on the sale (Ctrl+I) first.</source>
        <translation>这张优惠券属于其他会员。请先将券的主人加入本单（Ctrl+I）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="77"/>
        <source>This coupon is already on the sale.</source>
        <translation>这张优惠券已在本单中。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="79"/>
        <source>No coupon has this code. Check the code, or ask the customer to show it in the app again.</source>
        <translation>没有这个券码的优惠券。请核对券码，或请顾客在 App 中重新出示。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="87"/>
        <source>At most {n} unit(s) of this line can still come back: the rest were returned before.</source>
        <translation>此行最多还能退 {n} 件：其余已经退过。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="92"/>
        <source>That line is not on this receipt.</source>
        <translation>这张小票上没有该行。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="93"/>
        <source>Nothing is chosen to come back. Enter the units per line first.</source>
        <translation>尚未选择退货商品。请先输入每行的退货数量。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="99"/>
        <source>A weighed or labelled item has no quantity to change. Void the line and scan another label.</source>
        <translation>称重或标签商品不能改数量。请删除此行并扫描新标签。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="103"/>
        <source>A discount must be between 0 and the line&apos;s {amount}.</source>
        <translation>折扣须在 0 到本行金额 {amount} 之间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="107"/>
        <source>A price cannot be below zero.</source>
        <translation>价格不能小于零。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="109"/>
        <source>A line can hold at most {limit} units. Start a second sale for more.</source>
        <translation>每行最多 {limit} 件。更多数量请另开一笔交易。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="112"/>
        <source>This sale already has {limit} lines. Pay for it and start another.</source>
        <translation>本笔交易已有 {limit} 行。请先收款，再开始新交易。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="119"/>
        <source>Only {available} of this item are free to sell: {reserved} are held for online pickup orders. Check the shelf, or ask a supervisor before selling them.</source>
        <translation>此商品仅有 {available} 件可售：{reserved} 件已为线上自提订单预留。请核对货架，或在售出前请示主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="136"/>
        <source>No product with code {code} at this store. Check the code, or put the item aside and call a supervisor.</source>
        <translation>本店没有编码为 {code} 的商品。请核对编码，或将商品放在一旁并联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="147"/>
        <source>A refund of {amount} without a receipt needs a supervisor (up to {limit}) or a manager: they enter their staff number and PIN here.</source>
        <translation>无小票退款 {amount} 需要主管（{limit} 以内）或经理批准：请他们在此输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="153"/>
        <source>{cut}% off is more than your role may give. A supervisor or manager must enter their number and PIN.</source>
        <translation>优惠 {cut}% 超出您的权限。需主管或店长输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="157"/>
        <source>This needs a supervisor: they enter their staff number and PIN here.</source>
        <translation>此操作需主管授权：请主管在此输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="160"/>
        <source>Finish or hold (F7) the sale in progress first.</source>
        <translation>请先完成或挂起（F7）当前订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="162"/>
        <source>Choose a reason first.</source>
        <translation>请先选择原因。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="164"/>
        <source>{name} is sold by weight. Weigh it at the scale and scan the label it prints.</source>
        <translation>{name} 按重量销售。请在电子秤上称重，再扫描打印出的标签。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="168"/>
        <source>{name} expired on {date}: it was not added. Take it off the sale and tell a supervisor.</source>
        <translation>{name} 已于 {date} 过期，未加入。请将其移出本单并告知主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="173"/>
        <source>{name} has no price at this store yet, so it cannot be sold. Call a supervisor.</source>
        <translation>{name} 在本店尚无售价，暂不能销售。请联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="178"/>
        <source>The sale is empty. Scan an item before paying.</source>
        <translation>当前交易为空。请先扫描商品再收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="180"/>
        <source>{tendered} is less than the {due} due. Enter the cash received.</source>
        <translation>{tendered} 少于应收的 {due}。请输入实收现金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="185"/>
        <source>Too many wrong PINs. Login is locked for {time}; a supervisor can help.</source>
        <translation>密码错误次数过多，登录已锁定 {time}；可请主管协助。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="189"/>
        <source>Staff number or PIN is wrong. {left} attempt(s) left before login locks.</source>
        <translation>工号或密码错误。再错 {left} 次将锁定登录。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="193"/>
        <source>{amount} should go back to the customer&apos;s mobile wallet, but central cannot be reached now, so nothing was refunded. Try again when the till is online, or press F5 to refund it in cash instead.</source>
        <translation>{amount} 应退回顾客的移动支付账户，但现在连不上总部，所以尚未退款。请在收银机联网后重试，或按 F5 改为退现金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="200"/>
        <source>No answer from central about the mobile wallet refund. Press F12 again: it asks once more and the customer is never refunded twice.</source>
        <translation>总部没有答复移动支付退款结果。请再按 F12：会再询问一次，顾客绝不会被重复退款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="206"/>
        <source>more than the customer paid with that wallet payment would go back</source>
        <translation>退款金额将超过顾客用该笔移动支付付的钱</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="208"/>
        <source>central does not know that wallet payment</source>
        <translation>总部查不到这笔移动支付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="210"/>
        <source>the wallet payment was taken at another store</source>
        <translation>这笔移动支付是在其他门店收的</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="213"/>
        <source>The mobile wallet refund was refused: {reason}. Nothing was refunded; press F5 to refund in cash, or call a supervisor.</source>
        <translation>移动支付退款被拒绝：{reason}。尚未退款；可按 F5 改退现金，或请主管处理。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="218"/>
        <source>This till has no staff list yet. Connect it to the network and sync, or ask IT to enrol it.</source>
        <translation>本收银台还没有员工名单。请连接网络并同步，或联系 IT 注册本机。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="222"/>
        <source>Something went wrong: {detail}. The sale in progress is kept; try again or call IT.</source>
        <translation>出现错误：{detail}。当前交易已保留；请重试或联系 IT。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="231"/>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="233"/>
        <source>cover open</source>
        <translation>纸仓盖未关</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="235"/>
        <source>offline</source>
        <translation>脱机</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="237"/>
        <source>not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="239"/>
        <source>paper running low</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="240"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="249"/>
        <source>Guide order {order} is already paid (receipt {receipt}): nothing was taken. Give the customer the order slip or that receipt.</source>
        <translation>导购订单 {order} 已付款（小票 {receipt}）：未再收款。请把订单凭条或该小票交给顾客。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="253"/>
        <source>Guide order {order} is already paid (central says so): nothing was taken.</source>
        <translation>导购订单 {order} 已付款（总部确认）：未再收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="257"/>
        <source>Guide order {order} cannot be paid: central refused it or this till does not know it. Place the order again from the guide screen (Ctrl+G).</source>
        <translation>导购订单 {order} 无法付款：总部已拒绝或本收银台不认识该订单。请在导购界面（Ctrl+G）重新下单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="262"/>
        <source>This sale pays guide order {order} only: take its payment (F12) or void it, then sell other goods in a sale of their own.</source>
        <translation>本单只用于支付导购订单 {order}：请收款（F12）或作废，再另开一单销售其他商品。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="65"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="71"/>
        <location filename="../../pos_client/ui/payment_dialog.py" line="215"/>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="129"/>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="130"/>
        <source>Cash received or payment code</source>
        <translation>实收现金或付款码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="233"/>
        <source>Exact</source>
        <translation>刚好</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="149"/>
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="153"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="158"/>
        <source>Confirm cash (Enter)</source>
        <translation>确认收款（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="97"/>
        <source>Back to sale (Esc)</source>
        <translation>返回交易（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="88"/>
        <source>F2 Cash</source>
        <translation>F2 现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="90"/>
        <source>F3 Card</source>
        <translation>F3 银行卡</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="92"/>
        <source>F4 Remove last tender</source>
        <translation>F4 撤销上一笔</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="94"/>
        <source>F5 Points</source>
        <translation>F5 积分</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="175"/>
        <source>Take the card on the payment terminal, then type what its slip says.</source>
        <translation>请在刷卡终端上刷卡，然后按签购单填写以下信息。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="179"/>
        <source>Amount on the card</source>
        <translation>刷卡金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="182"/>
        <location filename="../../pos_client/ui/payment_dialog.py" line="183"/>
        <source>Terminal reference (approval code)</source>
        <translation>终端参考号（授权码）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="187"/>
        <location filename="../../pos_client/ui/payment_dialog.py" line="188"/>
        <source>Last 4 digits of the card</source>
        <translation>卡号后 4 位</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="192"/>
        <source>Record card payment (Enter)</source>
        <translation>记录刷卡付款（Enter）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="201"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="202"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="203"/>
        <source>Card ending</source>
        <translation>卡号尾号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="215"/>
        <source>Still due</source>
        <translation>还需支付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="219"/>
        <source>Rounded for cash from {amount}</source>
        <translation>现金抹零前为 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="226"/>
        <source>Card payments are locked: this till has been offline longer than the store allows.</source>
        <translation>刷卡已锁定：本收银台离线时间超过门店允许的时长。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="244"/>
        <source>Cash {amount}</source>
        <translation>现金 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="246"/>
        <source>Points {amount}</source>
        <translation>积分 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="248"/>
        <source>Card {amount} (****{last4})</source>
        <translation>银行卡 {amount}（****{last4}）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="250"/>
        <source>Mobile pay {amount}</source>
        <translation>移动支付 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="261"/>
        <source>Card payments are locked because this till has been offline longer than the store allows. Take cash, or bring the till back online (F9 shows why it is offline).</source>
        <translation>本收银台离线时间超过门店允许的时长，刷卡已锁定。请收取现金，或让收银台恢复联网（按 F9 查看离线原因）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="271"/>
        <source>The last tender was taken off the sale.</source>
        <translation>已撤销上一笔付款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="290"/>
        <source>Not an amount</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="295"/>
        <source>Still due: {amount}</source>
        <translation>还差：{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="298"/>
        <source>Change: {amount}</source>
        <translation>找零：{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="317"/>
        <source>&quot;{text}&quot; is not an amount of cash. Type the cash received, e.g. 100 or 52.50.</source>
        <translation>“{text}”不是有效的现金金额。请输入实收现金，例如 100 或 52.50。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="327"/>
        <source>To take it as part payment and pay the rest by card, press Ctrl+Enter.</source>
        <translation>如要先收这部分现金、其余刷卡，请按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="346"/>
        <source>Points are already paying part of this sale.</source>
        <translation>本单已使用积分支付部分金额。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="352"/>
        <source>The member has no points to spend.</source>
        <translation>该会员没有可用积分。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="357"/>
        <source>{points} points pay {amount}.</source>
        <translation>{points} 积分抵扣 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="367"/>
        <source>Mobile payment is locked because this till has been offline longer than the store allows. Take cash.</source>
        <translation>本收银台离线时间超过门店允许的时长，移动支付已锁定。请收取现金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="372"/>
        <source>Mobile payment is not set up on this till. Take cash or a card.</source>
        <translation>本收银台未开通移动支付。请收取现金或刷卡。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="378"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="378"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="379"/>
        <source>Charging {amount} to the customer&apos;s {wallet}…</source>
        <translation>正在通过顾客的{wallet}收款 {amount}……</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="401"/>
        <source>the wallet has too little money</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="402"/>
        <source>the payment code has expired</source>
        <translation>付款码已过期</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="406"/>
        <source>Mobile payment declined: {reason}. Ask the customer for a fresh code or another way to pay.</source>
        <translation>移动支付被拒绝：{reason}。请顾客刷新付款码或换一种方式付款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="410"/>
        <source>No answer from central: the customer may have been charged. Scan the same code again to ask once more; it is never charged twice.</source>
        <translation>总部没有应答：顾客可能已被扣款。请再次扫描同一付款码重新查询，不会重复扣款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="414"/>
        <source>Mobile payment needs central, which this till cannot reach now. Take cash or a card.</source>
        <translation>移动支付需要连接总部，本收银台目前无法连接。请收取现金或刷卡。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="416"/>
        <source>Mobile payment failed ({error}). Take cash or a card.</source>
        <translation>移动支付失败（{error}）。请收取现金或刷卡。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="421"/>
        <source>Waiting for the wallet&apos;s answer…</source>
        <translation>正在等待支付结果……</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="430"/>
        <source>Type the amount charged on the card, e.g. 52.50.</source>
        <translation>请输入刷卡金额，例如 52.50。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="456"/>
        <source>Part paid. Take the rest: cash here, or F3 for a card.</source>
        <translation>已部分付款。请收取剩余金额：在此收现金，或按 F3 刷卡。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="461"/>
        <source>The terminal reference is 4 to 32 letters or digits, as printed on the terminal&apos;s slip.</source>
        <translation>终端参考号为 4 到 32 位字母或数字，见刷卡终端的签购单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="463"/>
        <source>Type the last 4 digits of the card, as printed on the terminal&apos;s slip.</source>
        <translation>请输入签购单上印的卡号后 4 位。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="464"/>
        <source>A card pays at most what is still due ({amount}).</source>
        <translation>刷卡金额不能超过还需支付的金额（{amount}）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="466"/>
        <source>A sale takes at most {n} tenders. Remove one (F4) or pay the rest in one go.</source>
        <translation>一笔交易最多 {n} 种付款。请撤销一笔（F4），或一次付清剩余金额。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="468"/>
        <source>Type the cash received, e.g. 100 or 52.50.</source>
        <translation>请输入收到的现金，例如 100 或 52.50。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="469"/>
        <source>The sale is already paid.</source>
        <translation>这笔交易已付清。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="471"/>
        <source>This tender cannot be taken ({reason}).</source>
        <translation>无法使用这笔付款（{reason}）。</translation>
    </message>
</context>
<context>
    <name>PickupDesk</name>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="55"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="56"/>
        <source>To pick</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="57"/>
        <source>Ready</source>
        <translation>待取货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="58"/>
        <source>Handed over</source>
        <translation>已交付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="59"/>
        <source>Partly handed over</source>
        <translation>部分交付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="60"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="61"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="64"/>
        <source>Damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="65"/>
        <source>Customer does not want it</source>
        <translation>顾客不要了</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="66"/>
        <source>Not found in stock</source>
        <translation>库存中找不到</translation>
    </message>
</context>
<context>
    <name>PickupDeskDialog</name>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="87"/>
        <source>Pickup desk</source>
        <translation>自提台</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="99"/>
        <source>Scan the customer&apos;s QR or type the 8-digit code, then Enter</source>
        <translation>扫描顾客的二维码或输入 8 位取货码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="106"/>
        <source>Search: order number, phone last 4, name initial</source>
        <translation>搜索：订单号、手机尾号 4 位、姓氏</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="116"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="117"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="118"/>
        <source>Pick up by</source>
        <translation>取货截止</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="119"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="120"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="136"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="136"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="136"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="136"/>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="143"/>
        <source>I have checked the customer&apos;s ID (name matches the order)</source>
        <translation>我已核验顾客证件（姓名与订单一致）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="149"/>
        <source>Why the line is refused</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="154"/>
        <source>F2 Mark ready</source>
        <translation>F2 备货完成</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="157"/>
        <source>F3 Print pick list</source>
        <translation>F3 打印拣货单</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="160"/>
        <source>F4 Refuse the chosen line</source>
        <translation>F4 拒收所选商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="163"/>
        <source>F12 Hand over</source>
        <translation>F12 交付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="166"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="252"/>
        <source>Code verified: order {order}. Check the goods with the customer, then F12 to hand over.</source>
        <translation>取货码已核验：订单 {order}。请与顾客核对商品，然后按 F12 交付。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="262"/>
        <source>Order {order} is ready; the customer is told once the till syncs.</source>
        <translation>订单 {order} 已备货；收银台同步后将通知顾客。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="270"/>
        <source>Choose the line to refuse in the list of items first.</source>
        <translation>请先在商品列表中选择要拒收的商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="274"/>
        <source>{item} refused; its reserved stock is released. Hand over the rest with F12.</source>
        <translation>{item} 已拒收，其预留库存已释放。按 F12 交付其余商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="286"/>
        <source>{amount} is refunded online to the customer (paid back by the web shop once the till has synced); take no money at the desk.</source>
        <translation>{amount} 将在线退还给顾客（收银机同步后由网店退款）；请勿在柜台退款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="296"/>
        <source>Scan or type the customer&apos;s pickup code first: an order is handed over only against its code.</source>
        <translation>请先扫描或输入顾客的取货码：订单只能凭取货码交付。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="311"/>
        <source>Order {order} handed over. The code cannot be used again.</source>
        <translation>订单 {order} 已交付。该取货码不能再次使用。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="326"/>
        <source>No receipt printer is set up on this till. Set one up in Devices (Ctrl+D).</source>
        <translation>此收银台未设置小票打印机。请在设备（Ctrl+D）中设置。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="329"/>
        <source>Pick list for {order} sent to the printer.</source>
        <translation>订单 {order} 的拣货单已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="345"/>
        <source>Scan the customer&apos;s code, or choose an order in the list, first.</source>
        <translation>请先扫描顾客的取货码，或在列表中选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="353"/>
        <source>No order open.</source>
        <translation>未打开订单。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="359"/>
        <source>Order {order} · {status} · pick up by {deadline} · {customer} ****{phone} · {total}</source>
        <translation>订单 {order} · {status} · 取货截止 {deadline} · {customer} ****{phone} · {total}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="374"/>
        <source>Central flagged this order ({conflict}); a manager must look at it.</source>
        <translation>总部已标记此订单（{conflict}）；需由店长处理。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="418"/>
        <source>Too many wrong codes: the desk is locked until {time}. Ask the customer to open the order in the app, or call a supervisor.</source>
        <translation>错误取货码次数过多：自提台锁定至 {time}。请顾客在 App 中打开订单，或请主管处理。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="424"/>
        <source>That is not a pickup code (8 digits, or the order&apos;s QR). {left} tries left before the desk locks.</source>
        <translation>这不是取货码（8 位数字或订单二维码）。自提台锁定前还可尝试 {left} 次。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="429"/>
        <source>No order here has this code. Check the digits with the customer; {left} tries left before the desk locks.</source>
        <translation>本店没有此取货码的订单。请与顾客核对数字；自提台锁定前还可尝试 {left} 次。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="437"/>
        <source>Already handed over on {when} by {name} ({code}) at till {till}. Do not hand over again; call a supervisor.</source>
        <translation>已于 {when} 由 {name}（{code}）在 {till} 号收银台交付。请勿再次交付；请联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="443"/>
        <source>This order is worth {total}: check the customer&apos;s ID, tick the box, then F12 again.</source>
        <translation>此订单金额为 {total}：请核验顾客证件，勾选确认框，然后再按 F12。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="447"/>
        <source>Order {order} is {status}: it cannot be handed over. Ask the customer to contact customer service.</source>
        <translation>订单 {order} 状态为{status}：不能交付。请顾客联系客服。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="451"/>
        <source>Order {order} is not paid yet ({total}). Ask the customer to pay in the app, then sync (F9) and try again.</source>
        <translation>订单 {order} 尚未付款（{total}）。请顾客在 App 中付款，然后同步（F9）后重试。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/pickup_desk.py" line="455"/>
        <source>That line was already refused. Choose another line.</source>
        <translation>该商品已拒收。请选择其他商品。</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="82"/>
        <source>Find an item</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="89"/>
        <source>Name, pinyin or initials (e.g. kkkl for 可口可乐)</source>
        <translation>名称、拼音或首字母（如 kkkl 查可口可乐）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="90"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="113"/>
        <source>Add (Enter)</source>
        <translation>加入（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="116"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_client/ui/search_dialog.py" line="166"/>
        <source>%n match(es): Up/Down to choose, Enter to add</source>
        <translation>
            <numerusform>找到 %n 个：上下键选择，回车加入</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="169"/>
        <source>Nothing matches &quot;{text}&quot;. Try fewer letters, or the item&apos;s barcode.</source>
        <translation>没有与“{text}”匹配的商品。请少输几个字母，或扫描商品条码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/search_dialog.py" line="172"/>
        <source>Type part of the name, its pinyin or its initials.</source>
        <translation>请输入商品名称的一部分、拼音或首字母。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="56"/>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="69"/>
        <source>Scan the receipt&apos;s barcode or type its number, then Enter.</source>
        <translation>扫描小票条码或输入小票号，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="74"/>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="79"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="79"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="79"/>
        <source>May return</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="80"/>
        <source>Returning</source>
        <translation>本次退</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="80"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="94"/>
        <source>Units of the chosen line, then Enter</source>
        <translation>所选行的退货数量，然后按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="109"/>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="110"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="111"/>
        <source>Supervisor number (if asked)</source>
        <translation>主管工号（需要时）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="112"/>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="121"/>
        <source>F3 No receipt</source>
        <translation>F3 无小票</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="123"/>
        <source>F4 Back on shelf / written off</source>
        <translation>F4 重新上架 / 报损</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="125"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="127"/>
        <source>F12 Refund</source>
        <translation>F12 退款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="130"/>
        <source>F5 Refund in cash</source>
        <translation>F5 改退现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="172"/>
        <source>Looking for receipt {receipt}…</source>
        <translation>正在查找小票 {receipt}……</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="179"/>
        <source>Receipt {receipt} of {when}: choose what comes back.</source>
        <translation>小票 {receipt}（{when}）：请选择退货商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="190"/>
        <source>Everything on this receipt has already been returned.</source>
        <translation>这张小票上的商品已全部退过。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="201"/>
        <source>No sale has receipt number {receipt}, here or at central. Check the number on the receipt.</source>
        <translation>本机和总部都没有小票号为 {receipt} 的交易。请核对小票上的号码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="205"/>
        <source>Receipt {receipt} is not one of this till&apos;s, and central cannot be reached to look it up. Try again when the till is online, or return without a receipt (F3).</source>
        <translation>小票 {receipt} 不是本收银台开出的，且目前无法连接总部查询。请在联网后重试，或按无小票退货（F3）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="209"/>
        <source>The receipt could not be looked up ({error}).</source>
        <translation>无法查询该小票（{error}）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="218"/>
        <source>Return without a receipt: scan each item. A supervisor approves; the refund is in cash at today&apos;s price.</source>
        <translation>无小票退货：请逐件扫描商品。需主管批准，按今日售价退现金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="220"/>
        <source>Barcode of the item coming back</source>
        <translation>退货商品的条码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="248"/>
        <source>Line {line}: at most {n} unit(s) can come back.</source>
        <translation>第 {line} 行：最多可退 {n} 件。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="268"/>
        <source>  (written off)</source>
        <translation>（报损）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="292"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="292"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="292"/>
        <source>mobile pay</source>
        <translation>移动支付</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="293"/>
        <source>the online payment (the web shop pays it back)</source>
        <translation>网店支付（由网店原路退回）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="296"/>
        <source>Refund {total}: {how}</source>
        <translation>退款 {total}：{how}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="305"/>
        <source>Choose what comes back first: units per line, then Enter.</source>
        <translation>请先选择退货商品：输入每行数量，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="315"/>
        <source>Sending the money back to the customer&apos;s mobile wallet…</source>
        <translation>正在退款到顾客的移动支付账户…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/return_dialog.py" line="336"/>
        <source>Waiting for the wallet&apos;s answer…</source>
        <translation>正在等待移动支付的答复…</translation>
    </message>
</context>
<context>
    <name>ShiftControls</name>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="97"/>
        <source>Shift / Lock</source>
        <translation>班次 / 锁定</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="136"/>
        <source>No shift is open at this till.</source>
        <translation>本收银台没有已开的班次。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="138"/>
        <source>Shift open since {time}, float {amount}.</source>
        <translation>班次自 {time} 开始，备用金 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="155"/>
        <location filename="../../pos_client/ui/shift_controls.py" line="255"/>
        <source>A shift is already open. Ctrl+B closes it.</source>
        <translation>已有开着的班次。按 Ctrl+B 结班。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="166"/>
        <source>Shift opened with a float of {amount}.</source>
        <translation>已开班，备用金 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="176"/>
        <location filename="../../pos_client/ui/shift_controls.py" line="232"/>
        <location filename="../../pos_client/ui/shift_controls.py" line="256"/>
        <source>No shift is open. Ctrl+O opens one with its float.</source>
        <translation>没有开着的班次。按 Ctrl+O 开班并放入备用金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="193"/>
        <source>{amount} put into the drawer.</source>
        <translation>已向钱箱存入 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="194"/>
        <source>{amount} taken out of the drawer.</source>
        <translation>已从钱箱取出 {amount}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="210"/>
        <source>X report printing: {n} sale(s) so far; the shift stays open.</source>
        <translation>正在打印 X 报表：目前 {n} 笔销售；班次仍开着。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="219"/>
        <source>No shift has been closed at this till yet.</source>
        <translation>本收银台还没有结过班。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="223"/>
        <source>Reprinting {z} as a copy.</source>
        <translation>正在重印 {z}（副本）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="229"/>
        <source>Pay for or hold (F7) the sale in progress before closing.</source>
        <translation>结班前请先收款或挂单（F7）当前销售。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="248"/>
        <source>Shift closed. Ctrl+O opens the next one.</source>
        <translation>已结班。按 Ctrl+O 开下一个班次。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="257"/>
        <location filename="../../pos_client/ui/shift_controls.py" line="263"/>
        <source>That amount cannot be right. Count again and enter it.</source>
        <translation>这个金额不对。请重新清点后输入。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="258"/>
        <source>Choose a reason first.</source>
        <translation>请先选择原因。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="259"/>
        <source>Taking cash out needs a supervisor: their staff number and PIN.</source>
        <translation>取出现金需要主管批准：请主管输入工号和 PIN。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="260"/>
        <source>The drawer should hold only {amount}: count again or take out less.</source>
        <translation>钱箱里应只有 {amount}：请重新清点或少取一些。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="299"/>
        <source>Locked. Log in to carry on.</source>
        <translation>已锁定。登录后继续。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="301"/>
        <source>Locked. {name}&apos;s sale is on hold as #{number}; it comes back when {name} logs in.</source>
        <translation>已锁定。{name} 的销售已挂单为 #{number}；{name} 登录时会自动恢复。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="320"/>
        <source>Your sale is back: carry on scanning or pay.</source>
        <translation>您的销售已恢复：继续扫描或收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_controls.py" line="326"/>
        <source>No shift is open at this till: Ctrl+O opens one with its float.</source>
        <translation>本收银台没有已开的班次：按 Ctrl+O 开班并放入备用金。</translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="30"/>
        <source>Float top-up</source>
        <translation>补充备用金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="31"/>
        <source>Change delivered to the till</source>
        <translation>补充零钱</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="32"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="33"/>
        <source>Drop to the safe</source>
        <translation>存入保险柜</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="34"/>
        <source>Bank deposit</source>
        <translation>存入银行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="35"/>
        <source>Petty expense</source>
        <translation>零星支出</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="36"/>
        <source>Paid to a supplier</source>
        <translation>支付供应商</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="72"/>
        <source>Confirm (Enter)</source>
        <translation>确认 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="75"/>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="330"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="95"/>
        <source>Open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="99"/>
        <source>Count the cash you put in the drawer to start with (0 for none).</source>
        <translation>清点放入钱箱的开班现金（没有则输入 0）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="105"/>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="107"/>
        <source>Opening float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="114"/>
        <source>Enter an amount, like 500 or 500.00.</source>
        <translation>请输入金额，例如 500 或 500.00。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="133"/>
        <source>Cash in or out</source>
        <translation>存入或取出现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="141"/>
        <source>Cash out of the drawer</source>
        <translation>从钱箱取出现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="144"/>
        <source>Cash into the drawer</source>
        <translation>向钱箱存入现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="147"/>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="173"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="165"/>
        <source>Taking cash out needs a supervisor: their staff number and PIN.</source>
        <translation>取出现金需要主管批准：请主管输入工号和 PIN。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="170"/>
        <source>Supervisor number</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="171"/>
        <source>Supervisor PIN</source>
        <translation>主管 PIN</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="172"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="174"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="175"/>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="202"/>
        <source>Enter an amount above zero, like 200 or 200.00.</source>
        <translation>请输入大于零的金额，例如 200 或 200.00。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="225"/>
        <source>Close the shift</source>
        <translation>结班</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="231"/>
        <source>Count all the cash in the drawer and enter the total. The till shows what it expected only after your count.</source>
        <translation>清点钱箱中的全部现金并输入总额。输入后收银台才会显示应有金额。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="239"/>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="241"/>
        <source>Cash counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="257"/>
        <source>Enter the amount counted, like 1234.50.</source>
        <translation>请输入清点的金额，例如 1234.50。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="269"/>
        <source>Over by {amount}</source>
        <translation>长款 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="273"/>
        <source>Short by {amount}</source>
        <translation>短款 {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="277"/>
        <source>The drawer balances.</source>
        <translation>钱箱无差异。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="279"/>
        <source>{z} closed. Expected {expected}, counted {counted}.
{difference}
The Z report is printing. Enter closes this.</source>
        <translation>{z} 已结班。应有 {expected}，实点 {counted}。
{difference}
正在打印 Z 报表。按 Enter 关闭。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="292"/>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="303"/>
        <source>Ctrl+O  Open shift</source>
        <translation>Ctrl+O  开班</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="304"/>
        <source>Ctrl+M  Cash in / out</source>
        <translation>Ctrl+M  存入 / 取出现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="305"/>
        <source>Ctrl+T  X report</source>
        <translation>Ctrl+T  X 报表</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="306"/>
        <source>Ctrl+B  Close shift, Z report</source>
        <translation>Ctrl+B  结班，Z 报表</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="307"/>
        <source>Ctrl+L  Lock / switch staff</source>
        <translation>Ctrl+L  锁定 / 换人</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="308"/>
        <source>Reprint the last Z report</source>
        <translation>重印上一张 Z 报表</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/shift_dialogs.py" line="315"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
</context>
<context>
    <name>StartupErrors</name>
    <message>
        <location filename="../../pos_client/ui/startup_errors.py" line="17"/>
        <source>This till&apos;s data was written by a newer version of the till software (database {found}; this version knows up to {known}). Nothing was changed. Install that version or newer, or ask IT to restore a backup made by this version.</source>
        <translation>本收银机的数据由更新版本的收银软件写入（数据库 {found}；本版本最高只认识 {known}）。数据未做任何改动。请安装该版本或更新的版本，或请 IT 恢复由本版本制作的备份。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/startup_errors.py" line="30"/>
        <source>The till cannot start</source>
        <translation>收银机无法启动</translation>
    </message>
</context>
<context>
    <name>StockWindow</name>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="48"/>
        <source>Broken</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="49"/>
        <source>Water damage</source>
        <translation>水渍</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="50"/>
        <source>Packaging damaged</source>
        <translation>包装破损</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="51"/>
        <source>Damaged by a customer</source>
        <translation>顾客损坏</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="52"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="53"/>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="54"/>
        <source>Theft</source>
        <translation>被盗</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="55"/>
        <source>Supplier recall</source>
        <translation>供应商召回</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="156"/>
        <source>Stock work</source>
        <translation>库存作业</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="177"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="178"/>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="179"/>
        <source>Below safety stock</source>
        <translation>低于安全库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="180"/>
        <source>Damage and write-off</source>
        <translation>报损与核销</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="184"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="212"/>
        <source>What to count</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="214"/>
        <source>A shelf</source>
        <translation>一个货架</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="215"/>
        <source>The whole store</source>
        <translation>整店</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="218"/>
        <source>Shelf or area (optional)</source>
        <translation>货架或区域（可选）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="222"/>
        <source>Scan items here, or hold the RFID reader to the shelf</source>
        <translation>在此扫描商品，或将 RFID 读写器对准货架</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="224"/>
        <location filename="../../pos_client/ui/stock_window.py" line="370"/>
        <location filename="../../pos_client/ui/stock_window.py" line="397"/>
        <source>Start a count first.</source>
        <translation>请先开始盘点。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="227"/>
        <location filename="../../pos_client/ui/stock_window.py" line="407"/>
        <location filename="../../pos_client/ui/stock_window.py" line="515"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="227"/>
        <location filename="../../pos_client/ui/stock_window.py" line="407"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="227"/>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="227"/>
        <location filename="../../pos_client/ui/stock_window.py" line="407"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="228"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="236"/>
        <source>Start the count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="237"/>
        <source>Send the count</source>
        <translation>提交盘点</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="244"/>
        <source>Tags that are no product of this store</source>
        <translation>不属于本店商品的标签</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="250"/>
        <source>Sending this till&apos;s sales first…</source>
        <translation>正在先上传本机销售…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="257"/>
        <source>Counting. Tags and scans are counted once each.</source>
        <translation>盘点中。每个标签和扫码只计一次。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="260"/>
        <source>Counting offline: sales this till has not sent yet may show as differences until it is back online.</source>
        <translation>离线盘点：本机尚未上传的销售在联网前可能显示为差异。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="278"/>
        <source>Start a count (or choose what you receive) before scanning.</source>
        <translation>扫码前请先开始盘点（或选择要收货的单据）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="284"/>
        <source>No product with code {code} at this store: put it aside for a supervisor.</source>
        <translation>本店没有条码为 {code} 的商品：请放在一边交主管处理。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="351"/>
        <source>GTIN {gtin}: {n} tag(s)</source>
        <translation>GTIN {gtin}：{n} 个标签</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="354"/>
        <source>Not a product tag: {epc}</source>
        <translation>非商品标签：{epc}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="359"/>
        <source>Counting: {tags} tags, {scans} scans, {skus} items.</source>
        <translation>盘点中：{tags} 个标签，{scans} 次扫码，{skus} 种商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="373"/>
        <source>Tags are still being counted: send again in a moment.</source>
        <translation>标签仍在计数：请稍后再提交。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="381"/>
        <source>The count could not be saved ({error}); nothing was sent. Count again.</source>
        <translation>盘点无法保存（{error}），未发送任何内容。请重新盘点。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="392"/>
        <source>Count saved: {n} items, {d} with a difference. Central books it against the stock as it was at the start of the count.</source>
        <translation>盘点已保存：{n} 种商品，{d} 种有差异。总部按盘点开始时的库存入账。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="407"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="407"/>
        <source>Short</source>
        <translation>短缺</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="408"/>
        <source>Extra</source>
        <translation>多出</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="414"/>
        <source>Scan each item of the carton, or read it with the RFID reader</source>
        <translation>逐件扫描箱内商品，或用 RFID 读写器读取</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="418"/>
        <source>Coming to this store</source>
        <translation>调入本店</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="421"/>
        <source>Receive the chosen transfer</source>
        <translation>接收所选调拨</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="422"/>
        <source>Receive a delivery without a list</source>
        <translation>无清单收货</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="423"/>
        <source>Book what was received</source>
        <translation>确认收货入账</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="427"/>
        <source>Asked of this store by others</source>
        <translation>其他门店向本店申请</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="429"/>
        <source>Send the chosen transfer (all of it)</source>
        <translation>发出所选调拨（全部）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="437"/>
        <source>on its way</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="437"/>
        <source>asked for, not sent yet</source>
        <translation>已申请，尚未发出</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="439"/>
        <source>{no} from {store}: {n} items, {state}</source>
        <translation>{no} 来自 {store}：{n} 种商品，{state}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="446"/>
        <source>{no} for {store}: {n} items</source>
        <translation>{no} 发往 {store}：{n} 种商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="460"/>
        <source>Choose the transfer you are receiving in the list.</source>
        <translation>请在列表中选择要接收的调拨。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="473"/>
        <source>Choose what you are receiving first.</source>
        <translation>请先选择要收货的单据。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="487"/>
        <source>Received and booked: {short} short, {extra} extra (recorded for central).</source>
        <translation>已收货入账：短缺 {short}，多出 {extra}（已记录并上报总部）。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="497"/>
        <source>Choose the transfer you are sending in the list.</source>
        <translation>请在列表中选择要发出的调拨。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="504"/>
        <source>Transfer {no} is booked as sent.</source>
        <translation>调拨 {no} 已记为发出。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="516"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="517"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="518"/>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="519"/>
        <source>Suggested</source>
        <translation>建议数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="524"/>
        <source>Store or warehouse to ask (e.g. W001)</source>
        <translation>申请调拨的门店或仓库（如 W001）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="531"/>
        <source>Ask for the suggested quantities of the chosen lines</source>
        <translation>按建议数量申请所选行</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="547"/>
        <source>Looking for the nearest store with spare stock…</source>
        <translation>正在查找最近的有富余库存的门店…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="553"/>
        <source>Central cannot be reached ({error}): type the store or warehouse to ask.</source>
        <translation>无法连接总部（{error}）：请输入要申请的门店或仓库。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="561"/>
        <source>Type the store or warehouse to ask, and choose lines with a suggested quantity.</source>
        <translation>请输入要申请的门店或仓库，并选择有建议数量的行。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="569"/>
        <source>Transfer {no} asked of {store}.</source>
        <translation>已向 {store} 申请调拨 {no}。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="573"/>
        <source>The transfer could not be asked for ({error}). Asking needs central: try again when the till is online.</source>
        <translation>无法申请调拨（{error}）。申请需要连接总部：请在联网后重试。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="583"/>
        <source>No other store or warehouse has that much to spare: type the store to ask.</source>
        <translation>没有其他门店或仓库有这么多富余库存：请输入要申请的门店。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="588"/>
        <source>{store} is the nearest with spare stock: press the button again to ask it.</source>
        <translation>{store} 是最近的有富余库存的地点：再按一次按钮即可申请。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="599"/>
        <source>Scan the item</source>
        <translation>扫描商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="605"/>
        <source>Damage (supervisor)</source>
        <translation>报损（主管）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="606"/>
        <source>Write-off (manager)</source>
        <translation>核销（店长）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="611"/>
        <source>Approver&apos;s staff number (if your role may not)</source>
        <translation>审批人工号（如您无权限）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="614"/>
        <location filename="../../pos_client/ui/stock_window.py" line="623"/>
        <source>Approver&apos;s PIN</source>
        <translation>审批人密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="618"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="619"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="620"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="621"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="622"/>
        <source>Approver</source>
        <translation>审批人工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="626"/>
        <source>Book it out of stock</source>
        <translation>出库入账</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="640"/>
        <source>Scan the damaged item first: no product has this code here.</source>
        <translation>请先扫描损坏商品：本店没有此条码的商品。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="651"/>
        <source>That staff number and PIN do not match (or the till is locked for a while). Nothing was booked.</source>
        <translation>工号与密码不匹配（或收银机暂时锁定）。未入账。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="668"/>
        <source>{qty} × {sku} booked out of stock.</source>
        <translation>{qty} × {sku} 已出库入账。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="673"/>
        <source>Damage needs a supervisor: they type their staff number and PIN here.</source>
        <translation>报损需要主管：请主管在此输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="675"/>
        <source>A write-off needs a manager: they type their staff number and PIN here.</source>
        <translation>核销需要店长：请店长在此输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/stock_window.py" line="680"/>
        <source>Nothing was booked ({error}). Try again.</source>
        <translation>未入账（{error}）。请重试。</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="42"/>
        <source>Sync with central</source>
        <translation>与中心平台同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="60"/>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="61"/>
        <source>Waiting to send</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="62"/>
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="63"/>
        <source>Offline limits</source>
        <translation>离线限制</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="64"/>
        <location filename="../../pos_client/ui/sync_panel.py" line="151"/>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="66"/>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="71"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="71"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="71"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="71"/>
        <source>Central&apos;s reason</source>
        <translation>中心平台的原因</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="77"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="80"/>
        <source>Enrol this till again…</source>
        <translation>重新注册本收银台…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="83"/>
        <source>A manager or IT can enrol the till again.</source>
        <translation>店长或 IT 可以重新注册本收银台。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="85"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="105"/>
        <source>Online: central answered the last sync.</source>
        <translation>在线：中心平台已响应上次同步。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="107"/>
        <source>Not yet known: the first sync is running.</source>
        <translation>尚未确定：首次同步正在进行。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="109"/>
        <source>Offline: {detail}. Sales go on and are sent later.</source>
        <translation>离线：{detail}。可继续销售，稍后上传。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="110"/>
        <source>central did not answer</source>
        <translation>中心平台没有响应</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="111"/>
        <source>{n} event(s), oldest {age} old</source>
        <translation>{n} 条事件，最早的已等待 {age}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="113"/>
        <source>nothing: every event has reached central</source>
        <translation>无：所有事件均已到达中心平台</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="116"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="119"/>
        <source>Only cash is taken: the till has not synced for {hours} h or more. Card and wallet tenders unlock after the next successful sync.</source>
        <translation>仅收现金：本收银台已 {hours} 小时或更久未同步。下次同步成功后，银行卡和钱包支付将解锁。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="122"/>
        <source>Card and wallet tenders lock after {hours} h without a sync ({left} left). Cash is always taken.</source>
        <translation>超过 {hours} 小时未同步，银行卡和钱包支付将锁定（剩余 {left}）。现金始终可收。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="129"/>
        <source>This till&apos;s clock is {m} min ahead of central. Ask IT to set the time.</source>
        <translation>本收银台时钟比中心平台快 {m} 分钟。请联系 IT 校准时间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="131"/>
        <source>This till&apos;s clock is {m} min behind central. Ask IT to set the time.</source>
        <translation>本收银台时钟比中心平台慢 {m} 分钟。请联系 IT 校准时间。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="137"/>
        <source>Needs attention: {n} event(s) central could not accept. They are kept here; a manager should report them to central support.</source>
        <translation>需处理：{n} 条事件未被中心平台接受。它们保留在此处；请店长报告给中心平台支持人员。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="139"/>
        <source>Needs attention: nothing.</source>
        <translation>需处理：无。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="160"/>
        <source>{when}: the backup folder failed ({problem}). A copy was kept on this till only: tell IT.</source>
        <translation>{when}：备份文件夹写入失败（{problem}）。备份只保存在本收银机上：请通知 IT。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="164"/>
        <source>{when}, to {where}</source>
        <translation>{when}，保存到 {where}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/sync_panel.py" line="177"/>
        <source>Loading {what} from central: {done} of {total}</source>
        <translation>正在从中心平台加载 {what}：{done} / {total}</translation>
    </message>
</context>
<context>
    <name>TillApp</name>
    <message>
        <location filename="../../pos_client/ui/app.py" line="132"/>
        <source>The till stopped during a sale. It is on hold as #{number}; it comes back when staff {staff} logs in.</source>
        <translation>收银机在交易中途停止。该交易已挂单为 #{number}；员工 {staff} 登录后会自动恢复。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="50"/>
        <source>Staff: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="54"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="56"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="58"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="68"/>
        <source>Loading {what} {pct}%</source>
        <translation>正在加载 {what} {pct}%</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="73"/>
        <source>● Sync stopped</source>
        <translation>● 同步已停止</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="81"/>
        <source>All sent</source>
        <translation>已全部上传</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="85"/>
        <source>Unsent: {n} (oldest {m} min)</source>
        <translation>待上传：{n}（最早 {m} 分钟前）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="94"/>
        <source>Printer: paper running low</source>
        <translation>打印机：纸将用完</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="96"/>
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="100"/>
        <source>Printer: {what}</source>
        <translation>打印机：{what}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="103"/>
        <source>Printer fault: {n} waiting</source>
        <translation>打印机故障：{n} 张待打印</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="121"/>
        <source>Badge {code} is no sales guide of this store: the sale is not attributed.</source>
        <translation>工牌 {code} 不是本店导购：本单未归属导购。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="129"/>
        <source>This sale is attributed to sales guide {name} ({code}).</source>
        <translation>本单已归属导购 {name}（{code}）。</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../pos_client/ui/guide_controls.py" line="187"/>
        <source>Guide order {order}: take the payment (F12).</source>
        <translation>导购订单 {order}：请收款（F12）。</translation>
    </message>
</context>
</TS>
